using System.Text.Json.Nodes;
using Ces.BigIp.Simulator.Tests.Infrastructure;
using static Ces.BigIp.Simulator.Tests.Infrastructure.TestDeclarations;

namespace Ces.BigIp.Simulator.Tests.Evaluate;

public sealed class EvaluateEndpointTests
{
    private const string Evaluate = "/ces-sim/evaluate";

    [Fact]
    public async Task Flow_allowed_by_the_bound_global_policy_names_the_deciding_rule()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = TestSimulator.Client(sim);
        await DeclareAndBindAsync(client);

        var reply = await client.PostAsync(Evaluate, Flow("10.1.0.1", "203.0.113.7", 443));

        Assert.Equal(200, reply.Code);
        Assert.True((bool)reply.Body!["allowed"]!, reply.Text);
        Assert.Equal("accept", (string?)reply.Body["action"]);
        Assert.Equal("global", (string?)reply.Body["chain"]![0]!["context"]);
        Assert.Equal("allow-web", (string?)reply.Body["chain"]![0]!["ruleName"]);
        Assert.Equal("virtualServer", (string?)reply.Body["decision"]!["context"]);
        Assert.Equal("/T1/Shared/outbound", (string?)reply.Body["decision"]!["contextName"]);
        Assert.Equal("/T1/Shared/policy", (string?)reply.Body["decision"]!["policyPath"]);
    }

    [Fact]
    public async Task Flow_from_another_source_is_not_matched_by_the_policy()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = TestSimulator.Client(sim);
        await DeclareAndBindAsync(client);

        var reply = await client.PostAsync(Evaluate, Flow("10.9.9.9", "203.0.113.7", 443));

        Assert.Equal(200, reply.Code);
        // No CES deny rule in this tenant, so only the missing match is asserted, not the context defaults.
        Assert.Equal("no-match", (string?)reply.Body!["chain"]![0]!["action"]);
        Assert.Equal("no-match", (string?)reply.Body["decision"]!["action"]);
    }

    [Fact]
    public async Task Fast_path_patch_is_seen_by_the_next_evaluation()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = TestSimulator.Client(sim);
        await DeclareAndBindAsync(client);
        await client.PatchAsync("/mgmt/tm/security/firewall/address-list/~T1~Shared~pods", new JsonObject { ["addresses"] = new JsonArray(new JsonObject { ["name"] = "10.9.9.9" }) });

        var reply = await client.PostAsync(Evaluate, Flow("10.9.9.9", "203.0.113.7", 443));

        Assert.True((bool)reply.Body!["allowed"]!, reply.Text);
        Assert.Equal("allow-web", (string?)reply.Body["decision"]!["ruleName"]);
    }

    [Fact]
    public async Task Body_without_addresses_is_a_400()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = TestSimulator.Client(sim);

        Assert.Equal(400, (await client.PostAsync(Evaluate, new JsonObject { ["protocol"] = "tcp" })).Code);
    }

    private static async Task DeclareAndBindAsync(HttpClient client)
    {
        var tenant = Tenant();
        // CES's outbound virtual server: any address, any port, enforcing the tenant's policy (ces-behaviour §4.9).
        tenant["Shared"]!["outbound"] = new JsonObject
        {
            ["class"] = "Service_L4",
            ["virtualAddresses"] = new JsonArray("0.0.0.0"),
            ["virtualPort"] = 0,
            ["layer4"] = "any",
            ["policyFirewallEnforced"] = new JsonObject { ["use"] = "policy" },
        };
        var declared = await client.PostAsync(Declare, Adc(("T1", tenant)));
        Assert.Equal(200, declared.Code);
        Assert.Equal(200, (await client.PatchAsync("/mgmt/tm/security/firewall/global-rules", new JsonObject { ["enforcedPolicy"] = "/T1/Shared/policy" })).Code);
    }

    private static JsonObject Flow(string source, string destination, int port) => new()
    {
        ["sourceIp"] = source,
        ["routeDomain"] = 0,
        ["destinationIp"] = destination,
        ["protocol"] = "tcp",
        ["port"] = port,
        ["fqdns"] = new JsonObject(),
    };
}
