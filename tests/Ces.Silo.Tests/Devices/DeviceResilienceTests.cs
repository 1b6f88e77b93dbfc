using Ces.Abstractions.Messages;
using Ces.BigIp.Simulator.Faults;
using Ces.Grains.Devices;
using static Ces.Silo.Tests.Devices.CesTenants;

namespace Ces.Silo.Tests.Devices;

public sealed class DeviceResilienceTests
{
    private const string Declare = "/mgmt/shared/appsvcs/declare";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Device_503_busy_is_retried_with_a_longer_backoff_then_applied()
    {
        await using var harness = await DeviceHarness.StartAsync(sim =>
        {
            sim.FaultScript.Add(new FaultRule(FaultKind.Busy, Declare));
            sim.FaultScript.Add(new FaultRule(FaultKind.Busy, Declare));
        });

        var result = await harness.Client.DeclareAsync(DeviceHarness.Device, ["T1"], Declaration(("T1", Tenant())), Token);

        Assert.Equal(WriteOutcome.Applied, As3ClientTests.Outcome(result, "T1").Outcome);
        var stats = harness.Stats.Snapshot();
        Assert.Equal(2, stats.Retries);
        Assert.Equal(2, stats.BusyRetries);
        // Busy backoff starts at 5 ms and doubles, with at most half taken off by jitter: 5 + 10 ms at full, ≥ 7.5 ms.
        Assert.InRange(stats.TotalBackoff, TimeSpan.FromMilliseconds(7.5), TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Empty_408_and_connection_reset_are_retried()
    {
        await using var harness = await DeviceHarness.StartAsync(sim =>
        {
            sim.FaultScript.Add(new FaultRule(FaultKind.RequestTimeout, Declare));
            sim.FaultScript.Add(new FaultRule(FaultKind.Reset, Declare));
            sim.FaultScript.Add(new FaultRule(FaultKind.ServerError, "/mgmt/shared/appsvcs/task"));
        });

        var result = await harness.Client.DeclareAsync(DeviceHarness.Device, ["T1"], Declaration(("T1", Tenant())), Token);

        Assert.Equal(WriteOutcome.Applied, As3ClientTests.Outcome(result, "T1").Outcome);
        Assert.Equal(3, harness.Stats.Snapshot().Retries);
        Assert.Equal(0, harness.Stats.Snapshot().BusyRetries);
    }

    [Fact]
    public async Task Hung_request_times_out_and_is_retried()
    {
        await using var harness = await DeviceHarness.StartAsync(
            sim => sim.FaultScript.Add(new FaultRule(FaultKind.Hang, Declare)),
            new Dictionary<string, string?> { ["RequestTimeout"] = "00:00:00.500" });

        var result = await harness.Client.DeclareAsync(DeviceHarness.Device, ["T1"], Declaration(("T1", Tenant())), Token);

        Assert.Equal(WriteOutcome.Applied, As3ClientTests.Outcome(result, "T1").Outcome);
        Assert.Equal(1, harness.Stats.Snapshot().Retries);
    }

    [Fact]
    public async Task Exhausted_attempts_return_Unavailable_instead_of_throwing()
    {
        await using var harness = await DeviceHarness.StartAsync(
            sim => sim.FaultRate = new FaultRate(1.0, [FaultKind.Busy], Declare),
            new Dictionary<string, string?> { ["MaxAttempts"] = "3" });

        var result = await harness.Client.DeclareAsync(DeviceHarness.Device, ["T1"], Declaration(("T1", Tenant())), Token);

        var unavailable = Assert.IsType<DeviceWriteResult.Unavailable>(result);
        Assert.Contains("503", unavailable.Reason, StringComparison.Ordinal);
        Assert.True(unavailable.RetryAfter >= TimeSpan.FromMilliseconds(5), $"busy devices get at least the busy delay, got {unavailable.RetryAfter}");
        Assert.Equal(2, harness.Stats.Snapshot().Retries);
    }

    [Fact]
    public async Task Circuit_opens_after_repeated_failures_and_stops_calling_the_device()
    {
        await using var harness = await DeviceHarness.StartAsync(
            sim => sim.FaultRate = new FaultRate(1.0, [FaultKind.ServerError], "/mgmt/tm"),
            new Dictionary<string, string?> { ["MaxAttempts"] = "2", ["CircuitBreakerFailures"] = "3", ["CircuitBreakDuration"] = "00:01:00" });

        await harness.Client.SaveConfigAsync(DeviceHarness.Device, Token);
        await harness.Client.SaveConfigAsync(DeviceHarness.Device, Token);
        var requestsWhenOpen = harness.Simulator.Stats.Snapshot().Requests;
        var third = await harness.Client.SaveConfigAsync(DeviceHarness.Device, Token);

        var unavailable = Assert.IsType<DeviceWriteResult.Unavailable>(third);
        Assert.Contains("Circuit open", unavailable.Reason, StringComparison.Ordinal);
        Assert.True(unavailable.RetryAfter > TimeSpan.FromSeconds(30));
        Assert.Equal(requestsWhenOpen, harness.Simulator.Stats.Snapshot().Requests);
        Assert.Equal(1, harness.Stats.Snapshot().CircuitOpenings);
    }
}
