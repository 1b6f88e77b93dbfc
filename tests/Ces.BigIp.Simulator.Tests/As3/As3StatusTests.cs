using System.Text.Json.Nodes;
using Ces.BigIp.Simulator.Tests.Infrastructure;
using static Ces.BigIp.Simulator.Tests.Infrastructure.TestDeclarations;

namespace Ces.BigIp.Simulator.Tests.As3;

public sealed class As3StatusTests
{
    [Fact]
    public async Task Every_tenant_succeeding_answers_200_with_per_tenant_success()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = TestSimulator.Client(sim);

        var reply = await client.PostAsync(Declare, Adc(("T1", Tenant()), ("T2", Tenant("10.2.0.1"))));

        Assert.Equal(200, reply.Code);
        Assert.All(reply.Body!["results"]!.AsArray(), result => Assert.Equal("success", (string?)result!["message"]));
        Assert.Equal(["T1", "T2"], sim.State.TenantNames);
        Assert.Equal(["10.1.0.1"], sim.State.AddressList("/T1/Shared/pods")!.Addresses);
    }

    [Fact]
    public async Task Mixed_tenant_results_answer_207()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = TestSimulator.Client(sim);

        var reply = await client.PostAsync(Declare, Adc(("Good", Tenant()), ("Bad", Tenant(routeDomain: 7))));

        Assert.Equal(207, reply.Code);
        var results = reply.Body!["results"]!.AsArray();
        Assert.Equal("success", (string?)results[0]!["message"]);
        Assert.Equal("declaration failed", (string?)results[1]!["message"]);
        Assert.Equal(422, (int)results[1]!["code"]!);
        Assert.Equal(["Good"], sim.State.TenantNames);
    }

    [Fact]
    public async Task Unknown_default_route_domain_fails_the_tenant_with_422()
    {
        await using var sim = await TestSimulator.StartAsync(o => o.RouteDomains.Add("p2/rd2=2"));
        using var client = TestSimulator.Client(sim);

        var missing = await client.PostAsync(Declare, Adc(("p3", Tenant(routeDomain: 3))));
        var present = await client.PostAsync(Declare, Adc(("p2", Tenant(routeDomain: 2))));

        Assert.Equal(422, missing.Code);
        Assert.Contains("route domain 3 does not exist", (string?)missing.Body!["results"]![0]!["response"], StringComparison.Ordinal);
        Assert.Equal(200, present.Code);
    }

    [Fact]
    public async Task Without_schema_validation_a_schema_invalid_declaration_is_applied_but_device_checks_still_refuse()
    {
        await using var sim = await TestSimulator.StartAsync(o => o.ValidateSchema = false);
        using var client = TestSimulator.Client(sim);
        var schemaInvalid = Tenant();
        schemaInvalid["Shared"]!["egress"]!["rules"]![0]!["action"] = "allow";

        var applied = await client.PostAsync(Declare, Adc(("T1", schemaInvalid)));
        var unknownRouteDomain = await client.PostAsync(Declare, Adc(("T2", Tenant(routeDomain: 7))));

        Assert.Equal(200, applied.Code);
        Assert.Equal(["T1"], sim.State.TenantNames);
        Assert.Equal(422, unknownRouteDomain.Code);
    }

    [Fact]
    public async Task Schema_invalid_declaration_answers_422_with_AS3_error_body()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = TestSimulator.Client(sim);
        var tenant = Tenant();
        tenant["Shared"]!["egress"]!["rules"]![0]!["action"] = "allow";

        var reply = await client.PostAsync(Declare, Adc(("T1", tenant)));

        Assert.Equal(422, reply.Code);
        Assert.Equal(422, (int)reply.Body!["code"]!);
        Assert.Equal("declaration is invalid", (string?)reply.Body["message"]);
        Assert.Single(reply.Body["errors"]!.AsArray());
        Assert.Equal("", (string?)reply.Body["declarationFullId"]);
        Assert.Empty(sim.State.TenantNames);
    }

    [Fact]
    public async Task Unparseable_json_answers_400()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = TestSimulator.Client(sim);

        var reply = await client.PostRawAsync(Declare, "{\"class\": \"ADC\",");

        Assert.Equal(400, reply.Code);
        Assert.Equal(400, (int)reply.Body!["code"]!);
    }

    [Fact]
    public async Task Get_with_nothing_declared_answers_204_and_unknown_tenant_404()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = TestSimulator.Client(sim);

        var empty = await client.GetJsonAsync(Declare);
        await client.PostAsync(Declare, Adc(("T1", Tenant())));
        var unknown = await client.GetJsonAsync($"{Declare}/Nope");
        var known = await client.GetJsonAsync($"{Declare}/T1");

        Assert.Equal(204, empty.Code);
        Assert.Equal(404, unknown.Code);
        Assert.Equal(200, known.Code);
        Assert.Equal("Tenant", (string?)known.Body!["T1"]!["class"]);
        Assert.Equal("3.56.0", (string?)known.Body["schemaVersion"]);
    }

    [Fact]
    public async Task Repeated_post_reports_no_change()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = TestSimulator.Client(sim);

        await client.PostAsync(Declare, Adc(("T1", Tenant())));
        var again = await client.PostAsync(Declare, Adc(("T1", Tenant())));

        Assert.Equal(200, again.Code);
        Assert.Equal("no change", (string?)again.Body!["results"]![0]!["message"]);
    }

    [Fact]
    public async Task Selective_mode_leaves_absent_tenants_alone_and_complete_mode_removes_them()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = TestSimulator.Client(sim);
        await client.PostAsync(Declare, Adc(("T1", Tenant()), ("T2", Tenant())));

        await client.PostAsync(Declare, Adc(("T1", Tenant("10.9.9.9"))));
        var afterSelective = sim.State.TenantNames;
        var complete = Adc(("T1", Tenant("10.9.9.9")));
        complete["updateMode"] = "complete";
        await client.PostAsync(Declare, complete);

        Assert.Equal(["T1", "T2"], afterSelective);
        Assert.Equal(["T1"], sim.State.TenantNames);
    }

    [Fact]
    public async Task Tenant_filter_in_the_url_limits_which_tenants_are_touched()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = TestSimulator.Client(sim);

        var reply = await client.PostAsync($"{Declare}/T2", Adc(("T1", Tenant()), ("T2", Tenant())));

        Assert.Equal(200, reply.Code);
        Assert.Equal(["T2"], sim.State.TenantNames);
    }

    [Fact]
    public async Task Dry_run_validates_and_reports_but_changes_nothing()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = TestSimulator.Client(sim);
        var adc = Adc(("T1", Tenant()));
        adc["controls"] = new JsonObject { ["class"] = "Controls", ["dryRun"] = true };

        var reply = await client.PostAsync(Declare, adc);
        var byQuery = await client.PostAsync($"{Declare}?controls.dryRun=true", Adc(("T2", Tenant())));

        Assert.Equal(200, reply.Code);
        Assert.True((bool)reply.Body!["dryRun"]!);
        Assert.Equal(200, byQuery.Code);
        Assert.Empty(sim.State.TenantNames);
    }

    [Fact]
    public async Task Stale_optimistic_lock_key_is_refused()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = TestSimulator.Client(sim);
        var first = await client.PostAsync($"{Declare}?showHash=true", Adc(("T1", Tenant())));
        var key = (string)first.Body!["results"]![0]!["optimisticLockKey"]!;

        var withKey = Tenant("10.3.0.1");
        withKey["optimisticLockKey"] = key;
        var current = await client.PostAsync($"{Declare}?showHash=true", Adc(("T1", withKey)));
        var stale = Tenant("10.4.0.1");
        stale["optimisticLockKey"] = key;
        var refused = await client.PostAsync(Declare, Adc(("T1", stale)));

        Assert.Equal(200, current.Code);
        Assert.NotEqual(key, (string?)current.Body!["results"]![0]!["optimisticLockKey"]);
        Assert.Equal(422, refused.Code);
        Assert.Equal("declaration failed", (string?)refused.Body!["results"]![0]!["message"]);
        Assert.Equal(["10.3.0.1"], sim.State.AddressList("/T1/Shared/pods")!.Addresses);
    }

    [Fact]
    public async Task Delete_removes_listed_tenants_only()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = TestSimulator.Client(sim);
        await client.PostAsync(Declare, Adc(("T1", Tenant()), ("T2", Tenant())));

        var reply = await client.DeleteJsonAsync($"{Declare}/T1");

        Assert.Equal(200, reply.Code);
        Assert.Equal(["T2"], sim.State.TenantNames);
    }

    [Fact]
    public async Task Request_wrapper_with_declaration_is_accepted()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = TestSimulator.Client(sim);

        var reply = await client.PostAsync(Declare, new JsonObject { ["class"] = "AS3", ["action"] = "deploy", ["declaration"] = Adc(("T1", Tenant())) });

        Assert.Equal(200, reply.Code);
        Assert.Equal(["T1"], sim.State.TenantNames);
    }
}
