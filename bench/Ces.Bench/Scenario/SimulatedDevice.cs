using Ces.Abstractions.Config;
using Ces.BigIp.Simulator.Hosting;
using Microsoft.Extensions.Logging;

namespace Ces.Bench.Scenario;

/// <summary>A BIG-IP simulator on 127.0.0.1 with the benchmark's device model, and the <c>Ces:Device:*</c> keys that reach it.</summary>
public sealed class SimulatedDevice : IAsyncDisposable
{
    private readonly string _caFile;

    private SimulatedDevice(BigIpSimulator simulator, string caFile, Dictionary<string, string?> settings)
    {
        Simulator = simulator;
        _caFile = caFile;
        Settings = settings;
    }

    public BigIpSimulator Simulator { get; }

    /// <summary>Configuration for <c>AddCesDeviceClient</c>: URL, credentials and the simulator's CA (real TLS verification, no insecure mode).</summary>
    public Dictionary<string, string?> Settings { get; }

    public static async Task<SimulatedDevice> StartAsync(CesConfig config, DeviceModel model, CancellationToken cancellationToken)
    {
        var options = new SimulatorOptions
        {
            Port = 0,
            Speed = model.Speed,
            DeclarationBaseCost = model.DeclarationBase,
            PerObjectCost = model.PerObject,
            PatchCost = model.Patch,
            SaveCost = model.Save,
            // The base cost models AS3's validation; the simulator's own JSON-schema pass would add ~3 ms CPU per KB on our 2 cores.
            ValidateSchema = model.ValidateSchema,
            LogLevel = LogLevel.Warning,
        };
        foreach (var tenant in config.Tenants.Where(t => t.Name != CesConfig.CommonTenant && config.IsSupportRouteDomain))
        {
            options.RouteDomains.Add($"{tenant.Name}/{tenant.RouteDomain.Name}={tenant.RouteDomain.Id}");
        }
        foreach (var iRule in config.IRule)
        {
            options.IRules.Add(iRule);
        }
        var simulator = await BigIpSimulator.StartAsync(options, cancellationToken);
        var caFile = Path.Combine(Path.GetTempPath(), $"ces-bench-{Environment.ProcessId}-{simulator.BaseAddress.Port}.pem");
        await File.WriteAllTextAsync(caFile, simulator.Certificate!.ExportCertificatePem(), cancellationToken);
        return new SimulatedDevice(simulator, caFile, new Dictionary<string, string?>
        {
            ["Ces:Device:Url"] = simulator.BaseAddress.ToString(),
            ["Ces:Device:Username"] = options.User,
            ["Ces:Device:Password"] = options.Password,
            ["Ces:Device:CaBundlePath"] = caFile,
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Simulator.DisposeAsync();
        File.Delete(_caFile);
    }
}
