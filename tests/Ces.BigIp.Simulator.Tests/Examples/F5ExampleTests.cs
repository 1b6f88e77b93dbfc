using System.Text.Json.Nodes;
using Ces.BigIp.Simulator.Tests.Infrastructure;
using static Ces.BigIp.Simulator.Tests.Infrastructure.TestDeclarations;

namespace Ces.BigIp.Simulator.Tests.Examples;

public sealed class F5ExampleTests
{
    /// <summary>Objects F5's examples name with `bigip`, which a device would have from its own setup.</summary>
    private static readonly string[] ExampleComponents =
    [
        "/Common/additional", "/Common/botnets", "/Common/phishing", "/Common/default-ipsec-log-publisher",
        "/Common/feed1", "/Common/feed2", "/Common/protocol_inspection_dns",
    ];

    public static TheoryData<string> Examples() => [.. Directory.GetFiles(ExamplesDirectory(), "*.json").Select(file => Path.GetFileName(file)!).Order()];

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task F5_example_declaration_is_accepted(string file)
    {
        await using var sim = await TestSimulator.StartAsync(o =>
        {
            o.RouteDomains.Add("Common/100=100");
            foreach (var component in ExampleComponents)
                o.Components.Add(component);
        });
        using var client = TestSimulator.Client(sim);

        var reply = await client.PostRawAsync(Declare, await File.ReadAllTextAsync(Path.Combine(ExamplesDirectory(), file), TestContext.Current.CancellationToken));

        Assert.True(reply.Code == 200, reply.ToString());
        Assert.NotEmpty(sim.State.TenantNames);
    }

    [Fact]
    public async Task Route_domain_enforcement_binds_the_policy_to_the_route_domain()
    {
        await using var sim = await TestSimulator.StartAsync(o => o.RouteDomains.Add("Common/100=100"));
        using var client = TestSimulator.Client(sim);

        var reply = await client.PostRawAsync(Declare, await File.ReadAllTextAsync(
            Path.Combine(ExamplesDirectory(), "example-firewall-policy-route-domain-enforcement.json"), TestContext.Current.CancellationToken));

        Assert.Equal(200, reply.Code);
        Assert.Equal("/Common/Shared/firewallPolicy", sim.State.RouteDomain("/Common/100")!.FwEnforcedPolicy);
        Assert.Equal("/Common/Shared/firewallPolicy", sim.State.Virtuals.Single(v => v.Path == "/tenant/app/service").FwEnforcedPolicy);
    }

    public static TheoryData<string, string> Broken() => new()
    {
        { "action-allow", "/T1/Shared/egress/rules/0/action" },
        { "dangling-use", "/T1/Shared/egress/rules/0/source/addressLists/0/use" },
        { "missing-bigip", "requested component /Common/no-such-irule does not exist" },
        { "name-ends-with-hyphen", "/T1/Shared/bad-" },
        { "duplicate-rule-name", "duplicate rule name" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task Broken_declaration_is_rejected_with_AS3_error_shape(string breakage, string expected)
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = TestSimulator.Client(sim);

        var reply = await client.PostAsync(Declare, Adc(("T1", Break(Tenant(), breakage))));

        Assert.Equal(422, reply.Code);
        Assert.Equal("declaration is invalid", (string?)reply.Body!["message"]);
        var error = (string)Assert.Single(reply.Body["errors"]!.AsArray())!;
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Empty(sim.State.TenantNames);
    }

    private static JsonObject Break(JsonObject tenant, string breakage)
    {
        var shared = tenant["Shared"]!.AsObject();
        var rule = shared["egress"]!["rules"]![0]!.AsObject();
        switch (breakage)
        {
            case "action-allow": rule["action"] = "allow"; break;
            case "dangling-use": rule["source"]!["addressLists"]![0]!["use"] = "nowhere"; break;
            case "missing-bigip": rule["iRule"] = new JsonObject { ["bigip"] = "/Common/no-such-irule" }; break;
            case "name-ends-with-hyphen": shared["bad-"] = new JsonObject { ["class"] = "Firewall_Address_List", ["addresses"] = new JsonArray("10.0.0.1") }; break;
            case "duplicate-rule-name": shared["egress"]!["rules"]!.AsArray().Add(rule.DeepClone()); break;
        }
        return tenant;
    }

    private static string ExamplesDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "as3", "examples");
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException("shared/as3/examples not found above " + AppContext.BaseDirectory);
    }
}
