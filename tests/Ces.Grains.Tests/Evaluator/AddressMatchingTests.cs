using Ces.Grains.Evaluator;
using static Ces.Grains.Tests.Evaluator.Fw;

namespace Ces.Grains.Tests.Evaluator;

/// <summary>Address lists: IPs, CIDRs, ranges, IPv6, nesting, FQDNs and route-domain suffixes.</summary>
public class AddressMatchingTests
{
    private const string Destinations = "/Common/Shared/dst_address";
    private const string Sources = "/Common/Shared/src_address";

    private static bool Allowed(FirewallAddressList[] lists, Flow flow, FqdnTable? fqdns = null, string[]? sourceLists = null) =>
        Config(service: [Rule("allow", "accept", sourceLists: sourceLists, destinationLists: [Destinations])], addressLists: lists)
            .Evaluate(flow, fqdns).Allowed;

    [Theory]
    [InlineData("203.0.113.10", "203.0.113.10", true)]
    [InlineData("203.0.113.10", "203.0.113.11", false)]
    [InlineData("203.0.113.0/24", "203.0.113.255", true)]
    [InlineData("203.0.113.0/24", "203.0.114.0", false)]
    [InlineData("10.0.0.0/8", "10.255.255.255", true)]
    [InlineData("0.0.0.0/0", "198.51.100.1", true)]
    [InlineData("203.0.113.10-203.0.113.20", "203.0.113.15", true)]
    [InlineData("203.0.113.10-203.0.113.20", "203.0.113.21", false)]
    [InlineData("2001:db8::/32", "2001:db8:ffff::1", true)]
    [InlineData("2001:db8::/32", "2001:db9::1", false)]
    [InlineData("2001:db8::1-2001:db8::9", "2001:db8::5", true)]
    [InlineData("::/0", "2001:db8::5", true)]
    [InlineData("::/0", "198.51.100.1", false)]
    [InlineData("0.0.0.0/0", "2001:db8::5", false)]
    public void Destination_entries_match_by_address_CIDR_and_range_of_the_same_family(string entry, string destination, bool matches)
    {
        Assert.Equal(matches, Allowed([Addresses(Destinations, [entry])], Flow(destination: destination)));
    }

    [Fact]
    public void Nested_address_lists_are_part_of_the_outer_list()
    {
        FirewallAddressList[] lists =
        [
            Addresses(Destinations, ["192.0.2.1"], nested: ["/Common/Shared/inner"]),
            Addresses("/Common/Shared/inner", [], nested: ["/Common/Shared/innermost"]),
            Addresses("/Common/Shared/innermost", ["203.0.113.0/28"]),
        ];

        Assert.True(Allowed(lists, Flow(destination: "203.0.113.10")));
        Assert.True(Allowed(lists, Flow(destination: "192.0.2.1")));
        Assert.False(Allowed(lists, Flow(destination: "203.0.113.16")));
    }

    [Fact]
    public void FQDN_entries_match_the_addresses_the_resolver_table_gives()
    {
        FirewallAddressList[] lists = [Addresses(Destinations, [], fqdns: ["www.example.com"])];
        var table = FqdnTable.From(new Dictionary<string, IReadOnlyList<string>> { ["WWW.example.com."] = ["203.0.113.10", "2001:db8::10"] });

        Assert.True(Allowed(lists, Flow(), table));
        Assert.True(Allowed(lists, Flow(destination: "2001:db8::10"), table));
        Assert.False(Allowed(lists, Flow(destination: "203.0.113.11"), table));
        Assert.False(Allowed(lists, Flow()));
    }

    [Fact]
    public void The_dictionary_overload_resolves_FQDNs_too()
    {
        var config = Config(service: [Rule("allow", "accept", destinationLists: [Destinations])], addressLists: [Addresses(Destinations, [], fqdns: ["db.example.com"])]);
        var evaluator = FirewallEvaluator.Build(config);

        var verdict = evaluator.Evaluate(Flow(), new Dictionary<string, IReadOnlyList<string>> { ["db.example.com"] = ["203.0.113.10"] });
        Assert.True(verdict.Allowed);
    }

    [Theory]
    [InlineData("10.1.0.5%2", 2, true)]
    [InlineData("10.1.0.5%2", 0, false)]
    [InlineData("10.1.0.0%2/16", 2, true)]
    [InlineData("10.1.0.0%2/16", 3, false)]
    [InlineData("10.1.0.1%2-10.1.0.9%2", 2, true)]
    [InlineData("10.1.0.5", 2, true)]
    [InlineData("10.1.0.5", 0, true)]
    public void Route_domain_suffixes_confine_an_entry_to_its_route_domain(string source, int routeDomain, bool matches)
    {
        FirewallAddressList[] lists = [Addresses(Destinations, ["203.0.113.10"]), Addresses(Sources, [source])];
        var config = Config(service: [Rule("allow", "accept", sourceLists: [Sources], destinationLists: [Destinations])], addressLists: lists,
            servers: [Server("/T/A/vs0", 0), Server("/T/A/vs2", 2), Server("/T/A/vs3", 3)]);

        Assert.Equal(matches, config.Evaluate(Flow(routeDomain: routeDomain)).Allowed);
    }

    [Fact]
    public void An_empty_source_matches_any_source()
    {
        var config = Config(service: [Rule("allow", "accept", destinations: ["203.0.113.10"])]);

        Assert.True(config.Evaluate(Flow(source: "192.0.2.200")).Allowed);
        Assert.True(config.Evaluate(Flow(source: "2001:db8::7", destination: "203.0.113.10")).Allowed);
    }

    [Fact]
    public void Inline_addresses_combine_with_lists_as_alternatives()
    {
        var config = Config(
            service: [Rule("allow", "accept", sources: ["10.1.0.5"], destinationLists: [Destinations], destinations: ["198.51.100.1"])],
            addressLists: [Addresses(Destinations, ["203.0.113.10"])]);

        Assert.True(config.Evaluate(Flow()).Allowed);
        Assert.True(config.Evaluate(Flow(destination: "198.51.100.1")).Allowed);
        Assert.False(config.Evaluate(Flow(source: "10.1.0.6")).Allowed);
    }

    [Fact]
    public void A_missing_or_unparseable_list_matches_nothing_and_is_reported()
    {
        var config = Config(
            service: [Rule("allow", "accept", destinationLists: ["/Common/Shared/missing", Destinations])],
            addressLists: [Addresses(Destinations, ["not-an-ip/99"])]);
        var evaluator = FirewallEvaluator.Build(config);

        Assert.False(evaluator.Evaluate(Flow()).Allowed);
        Assert.Equal(2, evaluator.Warnings.Count);
    }

    [Fact]
    public void A_list_that_contains_itself_is_reported_and_does_not_loop()
    {
        var config = Config(
            service: [Rule("allow", "accept", destinationLists: [Destinations])],
            addressLists: [Addresses(Destinations, ["203.0.113.10"], nested: [Destinations])]);
        var evaluator = FirewallEvaluator.Build(config);

        Assert.True(evaluator.Evaluate(Flow()).Allowed);
        Assert.Contains(evaluator.Warnings, w => w.Contains("contains itself", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("10.0.0.01")]
    [InlineData("256.0.0.1")]
    [InlineData("10.0.0")]
    [InlineData("10.0.0.1.")]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.9-10.0.0.1")]
    [InlineData("10.0.0.1-2001:db8::1")]
    [InlineData("10.0.0.1%x")]
    public void Malformed_entries_are_reported_and_match_nothing(string entry)
    {
        var config = Config(service: [Rule("allow", "accept", destinationLists: [Destinations])], addressLists: [Addresses(Destinations, [entry])]);
        var evaluator = FirewallEvaluator.Build(config);

        Assert.Single(evaluator.Warnings);
        Assert.False(evaluator.Evaluate(Flow(destination: "10.0.0.1")).Allowed);
    }
}
