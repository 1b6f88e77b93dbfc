using Ces.BigIp.Simulator.Hosting;
using Ces.Grains.Devices;
using Ces.Silo.Devices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ces.Silo.Tests.Devices;

/// An embedded simulator on 127.0.0.1 and the production device client wired to it through AddCesDeviceClient.
internal sealed class DeviceHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string _directory;

    private DeviceHarness(BigIpSimulator simulator, ServiceProvider services, string directory)
    {
        Simulator = simulator;
        _services = services;
        _directory = directory;
    }

    public const string Device = "bigip";

    public BigIpSimulator Simulator { get; }

    public IDeviceClient Client => _services.GetRequiredService<IDeviceClient>();

    public DeviceClientStats Stats => _services.GetRequiredService<DeviceClientStats>();

    /// <param name="settings">Overrides of Ces:Device keys (without the prefix); a null value removes the key.</param>
    public static async Task<DeviceHarness> StartAsync(Action<SimulatorOptions>? simulator = null, IDictionary<string, string?>? settings = null)
    {
        var options = new SimulatorOptions
        {
            Port = 0,
            Speed = 0.001,
            AutoAsyncThreshold = TimeSpan.FromHours(1),
            LogLevel = LogLevel.Warning,
        };
        simulator?.Invoke(options);
        var sim = await BigIpSimulator.StartAsync(options, TestContext.Current.CancellationToken);
        var directory = Directory.CreateTempSubdirectory("ces-device-").FullName;
        var bundle = Path.Combine(directory, "ca.pem");
        if (sim.Certificate is not null)
            await File.WriteAllTextAsync(bundle, sim.Certificate.ExportCertificatePem() + "\n", TestContext.Current.CancellationToken);
        var values = Defaults(sim, bundle);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            values[$"{DeviceOptions.SectionName}:{key}"] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values.Where(v => v.Value is not null)).Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddCesDeviceClient(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new DeviceHarness(sim, services, directory);
    }

    /// <summary>Small delays so retries and polls take milliseconds; the backoff shape is the production one.</summary>
    private static Dictionary<string, string?> Defaults(BigIpSimulator sim, string bundle)
    {
        var prefix = DeviceOptions.SectionName + ":";
        return new Dictionary<string, string?>
        {
            [prefix + "Url"] = sim.BaseAddress.Authority,
            [prefix + "Username"] = "admin",
            [prefix + "Password"] = "admin",
            [prefix + "CaBundlePath"] = sim.Certificate is null ? null : bundle,
            [prefix + "RequestTimeout"] = "00:00:05",
            [prefix + "TaskPollInterval"] = "00:00:00.002",
            [prefix + "BaseRetryDelay"] = "00:00:00.002",
            [prefix + "BusyRetryDelay"] = "00:00:00.005",
            [prefix + "MaxRetryDelay"] = "00:00:00.050",
            [prefix + "MaxAttempts"] = "6",
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Simulator.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
