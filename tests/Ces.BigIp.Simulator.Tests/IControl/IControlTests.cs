using System.Text.Json.Nodes;
using Ces.BigIp.Simulator.Tests.Infrastructure;
using static Ces.BigIp.Simulator.Tests.Infrastructure.TestDeclarations;

namespace Ces.BigIp.Simulator.Tests.IControl;

public sealed class IControlTests
{
    private const string AddressList = "/mgmt/tm/security/firewall/address-list/~T1~Shared~pods";

    [Fact]
    public async Task Address_list_patch_replaces_live_addresses_keeping_route_domain_suffixes()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = TestSimulator.Client(sim);
        await client.PostAsync(Declare, Adc(("T1", Tenant())));

        var patch = await client.PatchAsync(AddressList, Addresses("10.1.0.5%2", "10.1.0.6%2"));
        var read = await client.GetJsonAsync(AddressList);

        Assert.Equal(200, patch.Code);
        Assert.Equal("/T1/Shared/pods", (string?)read.Body!["fullPath"]);
        Assert.Equal(["10.1.0.5%2", "10.1.0.6%2"], read.Body["addresses"]!.AsArray().Select(a => (string)a!["name"]!));
        Assert.Equal(1, sim.Stats.Snapshot().Patches);
    }

    [Fact]
    public async Task Patch_changes_live_state_but_not_the_stored_declaration_and_a_later_post_restores_it()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = TestSimulator.Client(sim);
        await client.PostAsync(Declare, Adc(("T1", Tenant())));

        await client.PatchAsync(AddressList, Addresses("10.7.7.7"));
        var stored = await client.GetJsonAsync($"{Declare}/T1");
        var repost = await client.PostAsync(Declare, Adc(("T1", Tenant())));

        Assert.Equal("10.1.0.1", (string?)stored.Body!["T1"]!["Shared"]!["pods"]!["addresses"]![0]);
        Assert.Equal("success", (string?)repost.Body!["results"]![0]!["message"]);
        Assert.Equal(["10.1.0.1"], sim.State.AddressList("/T1/Shared/pods")!.Addresses);
    }

    [Fact]
    public async Task Patch_of_unknown_list_answers_404_and_bad_address_400()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = TestSimulator.Client(sim);
        await client.PostAsync(Declare, Adc(("T1", Tenant())));

        var unknown = await client.PatchAsync("/mgmt/tm/security/firewall/address-list/~T1~Shared~nope", Addresses("10.0.0.1"));
        var bad = await client.PatchAsync(AddressList, Addresses("10.0.0.300"));

        Assert.Equal(404, unknown.Code);
        Assert.Equal(400, bad.Code);
    }

    [Fact]
    public async Task Global_rules_enforced_policy_is_set_read_and_checked()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = TestSimulator.Client(sim);
        await client.PostAsync(Declare, Adc(("T1", Tenant())));

        var set = await client.PatchAsync("/mgmt/tm/security/firewall/global-rules", new JsonObject { ["enforcedPolicy"] = "/T1/Shared/policy" });
        var missing = await client.PatchAsync("/mgmt/tm/security/firewall/global-rules", new JsonObject { ["enforcedPolicy"] = "/T1/Shared/nope" });
        var read = await client.GetJsonAsync("/mgmt/tm/security/firewall/global-rules");

        Assert.Equal(200, set.Code);
        Assert.Equal(400, missing.Code);
        Assert.Equal("/T1/Shared/policy", (string?)read.Body!["enforcedPolicy"]);
    }

    [Fact]
    public async Task Route_domain_enforced_policy_and_id_are_patched_and_read()
    {
        await using var sim = await TestSimulator.StartAsync(o => o.RouteDomains.Add("p2/rd2=2"));
        using var client = TestSimulator.Client(sim);
        await client.PostAsync(Declare, Adc(("p2", Tenant(routeDomain: 2))));

        var patch = await client.PatchAsync("/mgmt/tm/net/route-domain/~p2~rd2", new JsonObject { ["fwEnforcedPolicy"] = "/p2/Shared/policy" });
        var read = await client.GetJsonAsync("/mgmt/tm/net/route-domain/~p2~rd2");
        var common = await client.GetJsonAsync("/mgmt/tm/net/route-domain/~Common~0");

        Assert.Equal(200, patch.Code);
        Assert.Equal("/p2/Shared/policy", (string?)read.Body!["fwEnforcedPolicy"]);
        Assert.Equal(2, (int)read.Body["id"]!);
        Assert.Equal(0, (int)common.Body!["id"]!);
    }

    [Fact]
    public async Task Route_domain_created_over_iControl_lets_a_tenant_use_it()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = TestSimulator.Client(sim);

        var create = await client.PostAsync("/mgmt/tm/net/route-domain", new JsonObject { ["name"] = "rd5", ["partition"] = "p5", ["id"] = 5 });
        var declared = await client.PostAsync(Declare, Adc(("p5", Tenant(routeDomain: 5))));

        Assert.Equal(200, create.Code);
        Assert.Equal(200, declared.Code);
    }

    [Fact]
    public async Task Config_save_is_counted()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = TestSimulator.Client(sim);

        var save = await client.PostAsync("/mgmt/tm/sys/config", new JsonObject { ["command"] = "save" });

        Assert.Equal(200, save.Code);
        Assert.Equal(1, sim.Stats.Snapshot().Saves);
    }

    [Fact]
    public async Task Policy_rule_list_and_port_list_collections_show_what_AS3_made()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = TestSimulator.Client(sim);
        await client.PostAsync(Declare, Adc(("T1", Tenant())));

        var policy = await client.GetJsonAsync("/mgmt/tm/security/firewall/policy/~T1~Shared~policy");
        var ruleList = await client.GetJsonAsync("/mgmt/tm/security/firewall/rule-list/~T1~Shared~egress");
        var ports = await client.GetJsonAsync("/mgmt/tm/security/firewall/port-list");

        Assert.Equal("/T1/Shared/egress", (string?)policy.Body!["rules"]![0]!["ruleList"]);
        Assert.Equal("/T1/Shared/pods", (string?)ruleList.Body!["rules"]![0]!["source"]!["addressLists"]![0]);
        Assert.Equal(["443", "8080-8081"], ports.Body!["items"]![0]!["ports"]!.AsArray().Select(p => (string)p!["name"]!));
    }

    private static JsonObject Addresses(params string[] addresses) =>
        new() { ["addresses"] = new JsonArray([.. addresses.Select(a => (JsonNode)new JsonObject { ["name"] = a })]) };
}
