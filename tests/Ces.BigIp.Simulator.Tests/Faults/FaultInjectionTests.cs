using System.Text.Json.Nodes;
using Ces.BigIp.Simulator.Faults;
using Ces.BigIp.Simulator.Tests.Infrastructure;

namespace Ces.BigIp.Simulator.Tests.Faults;

public sealed class FaultInjectionTests
{
    private const string Info = "/mgmt/shared/appsvcs/info";

    [Fact]
    public async Task Scripted_faults_reach_the_client_in_order_then_requests_succeed()
    {
        await using var sim = await TestSimulator.StartAsync(o =>
        {
            o.FaultScript.Add(new FaultRule(FaultKind.Busy, Info));
            o.FaultScript.Add(new FaultRule(FaultKind.ServerError, Info));
            o.FaultScript.Add(new FaultRule(FaultKind.RequestTimeout, Info));
        });
        using var client = TestSimulator.Client(sim);

        var busy = await client.GetJsonAsync(Info);
        var error = await client.GetJsonAsync(Info);
        var timeout = await client.GetJsonAsync(Info);
        var ok = await client.GetJsonAsync(Info);

        Assert.Equal(503, busy.Code);
        Assert.StartsWith("Error: Configuration operation in progress", (string?)busy.Body!["message"], StringComparison.Ordinal);
        Assert.Equal(500, error.Code);
        Assert.Equal(408, timeout.Code);
        Assert.Equal("", timeout.Text);
        Assert.Equal(200, ok.Code);
        Assert.Equal(3, sim.Stats.Snapshot().FaultsInjected);
    }

    [Fact]
    public async Task Reset_fault_aborts_the_connection()
    {
        await using var sim = await TestSimulator.StartAsync();
        sim.Faults.Enqueue(new FaultRule(FaultKind.Reset));
        using var client = TestSimulator.Client(sim);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetJsonAsync(Info));
        Assert.Equal(200, (await client.GetJsonAsync(Info)).Code);
    }

    [Fact]
    public async Task Hang_fault_outlasts_the_client_timeout()
    {
        await using var sim = await TestSimulator.StartAsync();
        sim.Faults.Enqueue(new FaultRule(FaultKind.Hang));
        using var client = TestSimulator.Client(sim, timeout: TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAsync<TaskCanceledException>(() => client.GetJsonAsync(Info));
    }

    [Fact]
    public async Task Faults_posted_to_the_control_endpoint_apply_only_to_their_path_prefix()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = TestSimulator.Client(sim);

        var posted = await client.PostAsync("/ces-sim/faults", new JsonObject
        {
            ["script"] = new JsonArray(new JsonObject { ["kind"] = "Busy", ["pathPrefix"] = "/mgmt/shared/appsvcs/declare" }),
        });
        var other = await client.GetJsonAsync(Info);
        var declare = await client.PostAsync(TestDeclarations.Declare, TestDeclarations.Adc(("T1", TestDeclarations.Tenant())));
        var stats = await client.GetJsonAsync("/ces-sim/stats");

        Assert.Equal(200, posted.Code);
        Assert.Equal(200, other.Code);
        Assert.Equal(503, declare.Code);
        Assert.Equal(1, (int)stats.Body!["busy503"]!);
        Assert.Empty(sim.State.TenantNames);
    }

    [Fact]
    public async Task Random_faults_with_the_same_seed_repeat_the_same_sequence()
    {
        var first = await StatusesAsync(seed: 7);
        var second = await StatusesAsync(seed: 7);

        Assert.Equal(first, second);
        Assert.Contains(503, first);
        Assert.Contains(200, first);
    }

    private static async Task<List<int>> StatusesAsync(int seed)
    {
        await using var sim = await TestSimulator.StartAsync(o => o.FaultRate = new FaultRate(0.5, [FaultKind.Busy, FaultKind.ServerError], Seed: seed));
        using var client = TestSimulator.Client(sim);
        var statuses = new List<int>();
        for (var i = 0; i < 20; i++)
            statuses.Add((await client.GetJsonAsync(Info)).Code);
        return statuses;
    }
}
