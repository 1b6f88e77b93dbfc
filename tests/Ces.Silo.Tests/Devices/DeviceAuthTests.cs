using Ces.Abstractions.Afm;
using Ces.Abstractions.Messages;
using Ces.Grains.Compiler;
using Ces.Grains.Devices;
using Microsoft.Extensions.Time.Testing;
using static Ces.Silo.Tests.Devices.CesTenants;

namespace Ces.Silo.Tests.Devices;

public sealed class DeviceAuthTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Token_that_expired_on_the_device_is_replaced_by_one_new_login()
    {
        var deviceClock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = await DeviceHarness.StartAsync(sim =>
        {
            sim.TimeProvider = deviceClock;
            sim.Speed = 0;
        });
        await harness.Client.DeclareAsync(DeviceHarness.Device, ["T1"], Declaration(("T1", Tenant())), Token);
        var binding = new ContextBinding(ContextBindingKind.Global, null, "/T1/Shared/policy");

        var first = await harness.Client.EnsureBindingAsync(DeviceHarness.Device, binding, Token);
        deviceClock.Advance(TimeSpan.FromSeconds(1300));
        var second = await harness.Client.EnsureBindingAsync(DeviceHarness.Device, binding, Token);

        Assert.Equal(ContextBindingAction.Bind, first.Action);
        Assert.Equal(ContextBindingAction.AlreadyBound, second.Action);
        Assert.Equal(2, harness.Simulator.Stats.Snapshot().Logins);
        Assert.Equal(2, harness.Stats.Snapshot().Logins);
    }

    [Fact]
    public async Task Token_is_renewed_before_it_expires()
    {
        await using var harness = await DeviceHarness.StartAsync(sim => sim.TokenLifetime = TimeSpan.FromSeconds(1));
        var binding = new ContextBinding(ContextBindingKind.RouteDomain, "/Common/0", "/T1/Shared/policy");
        await harness.Client.DeclareAsync(DeviceHarness.Device, ["T1"], Declaration(("T1", Tenant())), Token);

        var deadline = DateTimeOffset.UtcNow.AddSeconds(2.5);
        var calls = 0;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var result = await harness.Client.EnsureBindingAsync(DeviceHarness.Device, binding, Token);
            Assert.True(result.Succeeded, result.Error);
            calls++;
        }

        Assert.True(harness.Simulator.Stats.Snapshot().Logins >= 3, $"expected fresh logins across 2.5 s of 1 s tokens over {calls} calls");
    }

    [Fact]
    public async Task Wrong_password_fails_clearly_without_showing_the_password()
    {
        await using var harness = await DeviceHarness.StartAsync(settings: new Dictionary<string, string?> { ["Password"] = "Sup3r-Secret!" });

        var result = await harness.Client.DeclareAsync(DeviceHarness.Device, ["T1"], Declaration(("T1", Tenant())), Token);

        var unavailable = Assert.IsType<DeviceWriteResult.Unavailable>(result);
        Assert.Contains("refused the credentials (HTTP 401)", unavailable.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("Sup3r-Secret!", unavailable.Reason, StringComparison.Ordinal);
        Assert.Empty(harness.Simulator.State.TenantNames);
        Assert.Equal(0, harness.Stats.Snapshot().Retries);
    }

    [Fact]
    public async Task Basic_auth_mode_never_logs_in()
    {
        await using var harness = await DeviceHarness.StartAsync(settings: new Dictionary<string, string?> { ["AuthMode"] = "Basic" });

        var result = await harness.Client.DeclareAsync(DeviceHarness.Device, ["T1"], Declaration(("T1", Tenant())), Token);

        Assert.Equal(WriteOutcome.Applied, As3ClientTests.Outcome(result, "T1").Outcome);
        Assert.Equal(0, harness.Simulator.Stats.Snapshot().Logins);
    }

    [Fact]
    public async Task Device_certificate_not_in_the_trust_store_fails_with_a_TLS_error()
    {
        await using var harness = await DeviceHarness.StartAsync(settings: new Dictionary<string, string?> { ["CaBundlePath"] = null });

        var result = await harness.Client.SaveConfigAsync(DeviceHarness.Device, Token);

        var unavailable = Assert.IsType<DeviceWriteResult.Unavailable>(result);
        Assert.Contains("TLS handshake failed", unavailable.Reason, StringComparison.Ordinal);
        Assert.Equal(0, harness.Stats.Snapshot().Retries);
    }

    [Fact]
    public async Task Device_certificate_in_the_CA_bundle_is_trusted()
    {
        await using var harness = await DeviceHarness.StartAsync();

        var result = await harness.Client.SaveConfigAsync(DeviceHarness.Device, Token);

        Assert.IsType<DeviceWriteResult.Completed>(result);
        Assert.Equal(1, harness.Simulator.Stats.Snapshot().Saves);
    }

    [Fact]
    public async Task Insecure_mode_accepts_an_untrusted_certificate()
    {
        await using var harness = await DeviceHarness.StartAsync(settings: new Dictionary<string, string?> { ["CaBundlePath"] = null, ["Insecure"] = "true" });

        Assert.IsType<DeviceWriteResult.Completed>(await harness.Client.SaveConfigAsync(DeviceHarness.Device, Token));
    }
}
