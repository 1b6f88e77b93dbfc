using Ces.Abstractions.Afm;
using Ces.Abstractions.Messages;
using Ces.Grains.Compiler;
using Ces.Grains.Devices;
using static Ces.Silo.Tests.Devices.CesTenants;

namespace Ces.Silo.Tests.Devices;

public sealed class IControlClientTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Fast_path_patch_sends_route_domain_suffixes_as_given()
    {
        await using var harness = await DeviceHarness.StartAsync(sim => sim.RouteDomains.Add("p2/rd2=2"));
        await harness.Client.DeclareAsync(DeviceHarness.Device, ["p2"], Declaration(("p2", Tenant(routeDomain: 2))), Token);

        var result = await harness.Client.PatchAddressListAsync(DeviceHarness.Device, "/p2/Shared/pods", ["10.16.0.5%2", "10.16.0.6%2"], Token);

        Assert.Equal(WriteOutcome.Applied, As3ClientTests.Outcome(result, "p2").Outcome);
        Assert.Equal(["10.16.0.5%2", "10.16.0.6%2"], harness.Simulator.State.AddressList("/p2/Shared/pods")!.Addresses);
    }

    [Fact]
    public async Task Patch_of_a_missing_address_list_is_reported_rejected()
    {
        await using var harness = await DeviceHarness.StartAsync();

        var result = await harness.Client.PatchAddressListAsync(DeviceHarness.Device, "/T9/Shared/nothing", ["10.0.0.1"], Token);

        var rejected = As3ClientTests.Outcome(result, "T9");
        Assert.Equal(WriteOutcome.Rejected, rejected.Outcome);
        Assert.Contains("404", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Global_policy_is_bound_when_nothing_is_bound_and_then_found_bound()
    {
        await using var harness = await DeviceHarness.StartAsync();
        await harness.Client.DeclareAsync(DeviceHarness.Device, ["T1"], Declaration(("T1", Tenant())), Token);
        var binding = new ContextBinding(ContextBindingKind.Global, null, "/T1/Shared/policy");

        var first = await harness.Client.EnsureBindingAsync(DeviceHarness.Device, binding, Token);
        var second = await harness.Client.EnsureBindingAsync(DeviceHarness.Device, binding, Token);

        Assert.Equal(new BindingResult(ContextBindingAction.Bind, "/T1/Shared/policy"), first);
        Assert.Equal(new BindingResult(ContextBindingAction.AlreadyBound, "/T1/Shared/policy"), second);
        Assert.Equal("/T1/Shared/policy", harness.Simulator.State.GlobalEnforcedPolicy);
    }

    [Fact]
    public async Task Foreign_global_policy_is_left_in_place_and_reported_as_conflict()
    {
        await using var harness = await DeviceHarness.StartAsync();
        await harness.Client.DeclareAsync(DeviceHarness.Device, ["Other", "T1"], Declaration(("Other", Tenant()), ("T1", Tenant())), Token);
        await harness.Client.EnsureBindingAsync(DeviceHarness.Device, new ContextBinding(ContextBindingKind.Global, null, "/Other/Shared/policy"), Token);
        var patchesBefore = harness.Simulator.Stats.Snapshot().Patches;

        var result = await harness.Client.EnsureBindingAsync(DeviceHarness.Device, new ContextBinding(ContextBindingKind.Global, null, "/T1/Shared/policy"), Token);

        Assert.Equal(ContextBindingAction.Conflict, result.Action);
        Assert.Equal("/Other/Shared/policy", result.BoundPolicy);
        Assert.False(result.Succeeded);
        Assert.Equal("/Other/Shared/policy", harness.Simulator.State.GlobalEnforcedPolicy);
        Assert.Equal(patchesBefore, harness.Simulator.Stats.Snapshot().Patches);
    }

    [Fact]
    public async Task Route_domain_policy_is_bound_on_the_named_route_domain()
    {
        await using var harness = await DeviceHarness.StartAsync();
        await harness.Client.DeclareAsync(DeviceHarness.Device, ["T1"], Declaration(("T1", Tenant())), Token);

        var result = await harness.Client.EnsureBindingAsync(DeviceHarness.Device, new ContextBinding(ContextBindingKind.RouteDomain, "/Common/0", "/T1/Shared/policy"), Token);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("/T1/Shared/policy", harness.Simulator.State.RouteDomain("/Common/0")!.FwEnforcedPolicy);
    }

    [Fact]
    public async Task Staged_policies_are_bound_to_the_staged_slots_beside_the_enforced_ones()
    {
        await using var harness = await DeviceHarness.StartAsync();
        await harness.Client.DeclareAsync(DeviceHarness.Device, ["T1"], Declaration(("T1", Tenant())), Token);

        var routeDomain = await harness.Client.EnsureBindingAsync(DeviceHarness.Device, new ContextBinding(ContextBindingKind.RouteDomain, "/Common/0", "/T1/Shared/policy", Staged: true), Token);
        var global = await harness.Client.EnsureBindingAsync(DeviceHarness.Device, new ContextBinding(ContextBindingKind.Global, null, "/T1/Shared/policy", Staged: true), Token);

        Assert.True(routeDomain.Succeeded && global.Succeeded, routeDomain.Error ?? global.Error);
        Assert.Equal("/T1/Shared/policy", harness.Simulator.State.RouteDomain("/Common/0")!.FwStagedPolicy);
        Assert.Null(harness.Simulator.State.RouteDomain("/Common/0")!.FwEnforcedPolicy);
        Assert.Equal("/T1/Shared/policy", harness.Simulator.State.GlobalStagedPolicy);
        Assert.Null(harness.Simulator.State.GlobalEnforcedPolicy);
    }

    [Fact]
    public async Task Releasing_a_staged_binding_unbinds_ours_and_leaves_anothers_in_place()
    {
        await using var harness = await DeviceHarness.StartAsync();
        await harness.Client.DeclareAsync(DeviceHarness.Device, ["T1"], Declaration(("T1", Tenant())), Token);
        var ours = new ContextBinding(ContextBindingKind.RouteDomain, "/Common/0", "/T1/Shared/policy", Staged: true);
        await harness.Client.EnsureBindingAsync(DeviceHarness.Device, ours, Token);
        await harness.Client.EnsureBindingAsync(DeviceHarness.Device, new ContextBinding(ContextBindingKind.Global, null, "/T1/Shared/policy", Staged: true), Token);

        var released = await harness.Client.ReleaseBindingAsync(DeviceHarness.Device, ours, Token);
        var foreign = await harness.Client.ReleaseBindingAsync(DeviceHarness.Device, new ContextBinding(ContextBindingKind.Global, null, "/T2/Shared/other", Staged: true), Token);

        Assert.Equal((ContextBindingAction.Bind, (string?)null), (released.Action, released.Error));
        Assert.Null(harness.Simulator.State.RouteDomain("/Common/0")!.FwStagedPolicy);
        Assert.Equal(ContextBindingAction.AlreadyBound, foreign.Action);
        Assert.Equal("/T1/Shared/policy", harness.Simulator.State.GlobalStagedPolicy);
    }

    [Fact]
    public async Task Binding_to_a_missing_route_domain_reports_the_error()
    {
        await using var harness = await DeviceHarness.StartAsync();

        var result = await harness.Client.EnsureBindingAsync(DeviceHarness.Device, new ContextBinding(ContextBindingKind.RouteDomain, "/Common/rd9", "/T1/Shared/policy"), Token);

        Assert.False(result.Succeeded);
        Assert.Contains("404", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_config_is_posted()
    {
        await using var harness = await DeviceHarness.StartAsync();

        var result = await harness.Client.SaveConfigAsync(DeviceHarness.Device, Token);

        Assert.IsType<DeviceWriteResult.Completed>(result);
        Assert.Equal(1, harness.Simulator.Stats.Snapshot().Saves);
    }
}
