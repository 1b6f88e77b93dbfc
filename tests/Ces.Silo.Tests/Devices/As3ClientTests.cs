using System.Text.Json.Nodes;
using Ces.Abstractions.Messages;
using Ces.Grains.Devices;
using static Ces.Silo.Tests.Devices.CesTenants;

namespace Ces.Silo.Tests.Devices;

public sealed class As3ClientTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Declaration_is_applied_and_the_same_one_again_is_unchanged()
    {
        await using var harness = await DeviceHarness.StartAsync();
        var declaration = Declaration(("T1", Tenant()));

        var first = await harness.Client.DeclareAsync(DeviceHarness.Device, ["T1"], declaration, Token);
        var second = await harness.Client.DeclareAsync(DeviceHarness.Device, ["T1"], declaration, Token);

        Assert.Equal(WriteOutcome.Applied, Outcome(first, "T1").Outcome);
        Assert.Equal(WriteOutcome.Unchanged, Outcome(second, "T1").Outcome);
        Assert.Equal(["T1"], harness.Simulator.State.TenantNames);
    }

    [Fact]
    public async Task Invalid_declaration_is_rejected_for_every_tenant_with_AS3s_error()
    {
        await using var harness = await DeviceHarness.StartAsync();
        var bad = Tenant();
        bad["Shared"]!["egress"]!["rules"]![0]!["action"] = "allow";

        var result = await harness.Client.DeclareAsync(DeviceHarness.Device, ["T1", "T2"], Declaration(("T1", bad), ("T2", Tenant())), Token);

        foreach (var tenant in new[] { "T1", "T2" })
        {
            Assert.Equal(WriteOutcome.Rejected, Outcome(result, tenant).Outcome);
            Assert.StartsWith("declaration is invalid: ", Outcome(result, tenant).Message, StringComparison.Ordinal);
        }
        Assert.Empty(harness.Simulator.State.TenantNames);
    }

    [Fact]
    public async Task Mixed_answer_207_is_split_per_tenant()
    {
        await using var harness = await DeviceHarness.StartAsync();

        var result = await harness.Client.DeclareAsync(DeviceHarness.Device, ["Good", "Bad"], Declaration(("Good", Tenant()), ("Bad", Tenant(routeDomain: 77))), Token);

        Assert.Equal(WriteOutcome.Applied, Outcome(result, "Good").Outcome);
        var bad = Outcome(result, "Bad");
        Assert.Equal(WriteOutcome.Rejected, bad.Outcome);
        Assert.Contains("route domain 77 does not exist", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slow_declaration_is_polled_until_its_task_finishes()
    {
        await using var harness = await DeviceHarness.StartAsync(sim => sim.DeclarationBaseCost = TimeSpan.FromSeconds(1000));
        var before = harness.Simulator.Stats.Snapshot().Requests;

        var result = await harness.Client.DeclareAsync(DeviceHarness.Device, ["T1"], Declaration(("T1", Tenant())), Token);

        Assert.Equal(WriteOutcome.Applied, Outcome(result, "T1").Outcome);
        // 1 s of modelled work polled every 2 ms (long enough that a loaded machine still polls several times):
        // the POST, the login and several task reads.
        Assert.True(harness.Simulator.Stats.Snapshot().Requests - before > 5, "expected several task polls");
    }

    [Fact]
    public async Task Declarations_to_one_device_never_overlap()
    {
        await using var harness = await DeviceHarness.StartAsync(sim => sim.DeclarationBaseCost = TimeSpan.FromSeconds(20));

        var writes = Enumerable.Range(0, 6).Select(i =>
            harness.Client.DeclareAsync(DeviceHarness.Device, [$"T{i}"], Declaration(($"T{i}", Tenant())), Token));
        var results = await Task.WhenAll(writes);

        Assert.All(results, result => Assert.IsType<DeviceWriteResult.Completed>(result));
        Assert.Equal(1, harness.Simulator.Stats.Snapshot().MaxConcurrentDeclarations);
        Assert.Equal(0, harness.Simulator.Stats.Snapshot().Busy503);
    }

    internal static TenantResult Outcome(DeviceWriteResult result, string tenant)
    {
        var completed = Assert.IsType<DeviceWriteResult.Completed>(result);
        return completed.Tenants[tenant];
    }

    internal static JsonNode? Stored(DeviceHarness harness, string tenant) =>
        harness.Simulator.State.Tenant(tenant) is { } record ? JsonNode.Parse(record.DeclarationJson) : null;
}
