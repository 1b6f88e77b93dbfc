using Ces.Abstractions.Afm;

namespace Ces.Grains.Devices;

/// <summary>The device port the device grain writes through; the silo supplies AS3 + iControl REST, tests a fake.</summary>
/// <remarks>Clients return outcomes and throw only for bugs and cancellation.</remarks>
public interface IDeviceClient
{
    /// <summary>Sends one AS3 declaration carrying the named tenants and waits for the device's per-tenant answer.</summary>
    Task<DeviceWriteResult> DeclareAsync(string device, IReadOnlyList<string> tenants, string declaration, CancellationToken cancellationToken);

    /// <summary>Replaces one address list's addresses through iControl REST (the fast path).</summary>
    Task<DeviceWriteResult> PatchAddressListAsync(string device, string path, IReadOnlyList<string> addresses, CancellationToken cancellationToken);

    /// <summary>Binds a policy to its context unless another policy is bound there.</summary>
    Task<BindingResult> EnsureBindingAsync(string device, ContextBinding binding, CancellationToken cancellationToken);

    /// <summary>Unbinds a policy of ours from its context before a declaration removes the policy; another policy there stays.</summary>
    /// <returns><see cref="Compiler.ContextBindingAction.Bind"/> when it unbound, <see cref="Compiler.ContextBindingAction.AlreadyBound"/> when ours was not bound.</returns>
    Task<BindingResult> ReleaseBindingAsync(string device, ContextBinding binding, CancellationToken cancellationToken);

    /// <summary>Persists iControl REST changes (<c>save sys config</c>).</summary>
    Task<DeviceWriteResult> SaveConfigAsync(string device, CancellationToken cancellationToken);
}
