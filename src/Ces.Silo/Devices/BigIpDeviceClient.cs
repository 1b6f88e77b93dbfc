using Ces.Abstractions.Afm;
using Ces.Grains.Devices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ces.Silo.Devices;

/// <summary>The production device port: AS3 declarations through <see cref="As3Client"/>, the rest through <see cref="IControlClient"/>.</summary>
internal sealed partial class BigIpDeviceClient : IDeviceClient
{
    private readonly IServiceProvider _services;

    public BigIpDeviceClient(IServiceProvider services, IOptions<DeviceOptions> options, ILogger<BigIpDeviceClient> logger)
    {
        _services = services;
        var settings = options.Value;
        if (settings.Insecure)
            LogInsecure(logger, settings.Name, settings.Url ?? "");
        LogConfigured(logger, settings.ToString());
    }

    public Task<DeviceWriteResult> DeclareAsync(string device, IReadOnlyList<string> tenants, string declaration, CancellationToken cancellationToken) =>
        As3().DeclareAsync(device, tenants, declaration, cancellationToken);

    public Task<DeviceWriteResult> PatchAddressListAsync(string device, string path, IReadOnlyList<string> addresses, CancellationToken cancellationToken) =>
        IControl().PatchAddressListAsync(device, path, addresses, cancellationToken);

    public Task<BindingResult> EnsureBindingAsync(string device, ContextBinding binding, CancellationToken cancellationToken) =>
        IControl().EnsureBindingAsync(device, binding, cancellationToken);

    public Task<BindingResult> ReleaseBindingAsync(string device, ContextBinding binding, CancellationToken cancellationToken) =>
        IControl().ReleaseBindingAsync(device, binding, cancellationToken);

    public Task<DeviceWriteResult> SaveConfigAsync(string device, CancellationToken cancellationToken) =>
        IControl().SaveConfigAsync(device, cancellationToken);

    // Typed clients are transient: resolving one per call lets the factory rotate handlers (DNS changes, stale pools).
    private As3Client As3() => (As3Client)_services.GetService(typeof(As3Client))!;

    private IControlClient IControl() => (IControlClient)_services.GetService(typeof(IControlClient))!;
}
