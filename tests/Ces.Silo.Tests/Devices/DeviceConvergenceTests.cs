using System.Diagnostics;
using System.Text.Json.Nodes;
using Ces.Abstractions.Messages;
using Ces.BigIp.Simulator.Faults;
using Ces.Grains.Devices;
using static Ces.Silo.Tests.Devices.CesTenants;

namespace Ces.Silo.Tests.Devices;

public sealed class DeviceConvergenceTests
{
    private const int Declarations = 1000;

    /// <summary>Issue 3's done-when: 1,000 changing declarations through 20 % injected faults end with the device holding the last one.</summary>
    [Fact]
    public async Task Thousand_declarations_through_20_percent_faults_converge_on_the_last_desired_state()
    {
        var token = TestContext.Current.CancellationToken;
        await using var harness = await DeviceHarness.StartAsync(sim =>
            sim.FaultRate = new FaultRate(0.2, [FaultKind.Busy, FaultKind.ServerError, FaultKind.RequestTimeout, FaultKind.Reset], "/mgmt", Seed: 20260301));
        var started = Stopwatch.GetTimestamp();
        var resends = 0;
        (JsonObject A, JsonObject B) last = default;

        for (var i = 0; i < Declarations; i++)
        {
            last = (Tenant([$"10.{i / 250}.{i % 250}.1", $"10.200.{i % 250}.2"], port: 1000 + i), Tenant([$"10.100.{i % 250}.9"], port: 2000 + i));
            var declaration = Declaration(("ConvA", last.A), ("ConvB", last.B));
            // Unavailable after the client's own attempts: resend as the device grain would.
            while (await harness.Client.DeclareAsync(DeviceHarness.Device, ["ConvA", "ConvB"], declaration, token) is DeviceWriteResult.Unavailable)
                resends++;
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var client = harness.Stats.Snapshot();
        var device = harness.Simulator.Stats.Snapshot();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{Declarations} declarations in {elapsed.TotalSeconds:0.0} s: {device.FaultsInjected} faults injected of {device.Requests} requests; " +
            $"client attempts {client.Attempts}, retries {client.Retries} (busy {client.BusyRetries}), total backoff {client.TotalBackoff.TotalMilliseconds:0} ms, " +
            $"resends after Unavailable {resends}, circuit openings {client.CircuitOpenings}, logins {client.Logins}, max concurrent declarations {device.MaxConcurrentDeclarations}");

        Assert.True(JsonNode.DeepEquals(last.A, As3ClientTests.Stored(harness, "ConvA")), "ConvA holds the last declaration");
        Assert.True(JsonNode.DeepEquals(last.B, As3ClientTests.Stored(harness, "ConvB")), "ConvB holds the last declaration");
        Assert.Equal(["10.3.249.1", "10.200.249.2"], harness.Simulator.State.AddressList("/ConvA/Shared/pods")!.Addresses);
        Assert.False(harness.Simulator.State.Tenant("ConvA")!.HasDrifted);
        Assert.Equal(1, device.MaxConcurrentDeclarations);
        Assert.InRange(device.FaultsInjected, Declarations / 4, Declarations * 2);
        Assert.True(client.Retries >= device.FaultsInjected - resends, "every injected fault was answered by a retry or a resend");
    }
}
