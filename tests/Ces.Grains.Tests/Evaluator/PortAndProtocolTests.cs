using Ces.Grains.Evaluator;
using static Ces.Grains.Tests.Evaluator.Fw;

namespace Ces.Grains.Tests.Evaluator;

/// <summary>Port lists, port ranges and protocol matching.</summary>
public class PortAndProtocolTests
{
    private const string Ports = "/Common/Shared/dst_ports";

    private static FirewallConfig WithPorts(string protocol, string[] ports, FirewallPortList[]? extra = null) =>
        Config(service: [Rule("allow", "accept", protocol, portLists: [Ports])], portLists: [new(Ports, ports, []), .. extra ?? []]);

    [Theory]
    [InlineData(53, true)]
    [InlineData(8080, true)]
    [InlineData(8085, true)]
    [InlineData(8090, true)]
    [InlineData(8091, false)]
    [InlineData(54, false)]
    public void Port_lists_match_single_ports_and_inclusive_ranges(int port, bool matches)
    {
        Assert.Equal(matches, WithPorts("tcp", ["53", "8080-8090"]).Evaluate(Flow(port: port)).Allowed);
    }

    [Fact]
    public void Nested_port_lists_are_part_of_the_outer_list()
    {
        var config = Config(service: [Rule("allow", "accept", "tcp", portLists: [Ports])],
            portLists: [new(Ports, ["80"], ["/Common/Shared/more"]), new("/Common/Shared/more", ["443"], [])]);

        Assert.True(config.Evaluate(Flow(port: 443)).Allowed);
        Assert.True(config.Evaluate(Flow(port: 80)).Allowed);
    }

    [Fact]
    public void A_rule_with_ports_matches_only_flows_that_have_a_port()
    {
        Assert.False(WithPorts("any", ["1-65535"]).Evaluate(Flow(protocol: "icmp", port: null)).Allowed);
    }

    [Fact]
    public void Inline_ports_match_like_port_lists()
    {
        var config = Config(service: [Rule("allow", "accept", "udp", ports: ["53", "5353-5354"])]);

        Assert.True(config.Evaluate(Flow(protocol: "udp", port: 5354)).Allowed);
        Assert.False(config.Evaluate(Flow(protocol: "udp", port: 443)).Allowed);
    }

    [Theory]
    [InlineData("tcp", "tcp", true)]
    [InlineData("tcp", "TCP", true)]
    [InlineData("tcp", "udp", false)]
    [InlineData("udp", "icmp", false)]
    [InlineData("any", "icmp", true)]
    [InlineData(null, "gre", true)]
    [InlineData("any", "udp", true)]
    public void Protocol_any_or_absent_matches_every_protocol_and_others_only_their_own(string? ruleProtocol, string flowProtocol, bool matches)
    {
        var config = Config(service: [Rule("allow", "accept", ruleProtocol)]);

        Assert.Equal(matches, config.Evaluate(Flow(protocol: flowProtocol, port: null)).Allowed);
    }

    [Fact]
    public void A_rule_without_ports_matches_any_port_and_flows_without_one()
    {
        var config = Config(service: [Rule("allow", "accept", "tcp")]);

        Assert.True(config.Evaluate(Flow(port: 1)).Allowed);
        Assert.True(config.Evaluate(Flow(port: null)).Allowed);
    }

    [Fact]
    public void Source_ports_match_only_flows_that_carry_one_in_range()
    {
        var rule = new FirewallRule("allow", "accept", "udp", new FirewallRuleEnd(Ports: ["1024-65535"]), FirewallRuleEnd.Any);
        var config = Config(service: [rule]);

        Assert.True(config.Evaluate(Flow(protocol: "udp", port: 53) with { SourcePort = 40000 }).Allowed);
        Assert.False(config.Evaluate(Flow(protocol: "udp", port: 53) with { SourcePort = 53 }).Allowed);
        Assert.False(config.Evaluate(Flow(protocol: "udp", port: 53)).Allowed);
    }
}
