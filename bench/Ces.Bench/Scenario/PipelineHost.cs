using System.Net;
using System.Net.Sockets;
using Ces.Abstractions.Config;
using Ces.Abstractions.Grains;
using Ces.Abstractions.Keys;
using Ces.Grains.Compiler;
using Ces.Grains.Hosting;
using Ces.Grains.Sources;
using Ces.Silo.Devices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ces.Bench.Scenario;

/// <summary>The real pipeline in-process: an Orleans silo (localhost clustering on free ports) with CES's grains and the production device client.</summary>
/// <remarks>Mirrors <c>CesHost</c> minus the HTTP surface, the file source and OpenTelemetry, which a benchmark does not need.</remarks>
public sealed class PipelineHost : IAsyncDisposable
{
    private readonly IHost _host;

    private PipelineHost(IHost host) => _host = host;

    public SourceReconciler Reconciler => _host.Services.GetRequiredService<SourceReconciler>();

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public CesGrainOptions Options => _host.Services.GetRequiredService<IOptions<CesGrainOptions>>().Value;

    public CountingStatusSink Statuses => _host.Services.GetRequiredService<CountingStatusSink>();

    public static async Task<PipelineHost> StartAsync(CompilerSettings settings, IDictionary<string, string?> device, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(device);
        builder.Logging.AddSimpleConsole(o => (o.SingleLine, o.TimestampFormat) = (true, "HH:mm:ss ")).SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Polly", LogLevel.Error)
            // CES_BENCH_LOG=Information shows each partition flush and device write, for finding where time goes.
            .AddFilter("Ces", Enum.TryParse<LogLevel>(Environment.GetEnvironmentVariable("CES_BENCH_LOG"), out var level) ? level : LogLevel.Warning);
        builder.UseOrleans(silo => silo.UseLocalhostClustering(FreePort(), FreePort()));
        builder.Services.AddCesGrains(builder.Configuration);
        builder.Services.AddSingleton<ICesConfigSource>(new StaticConfigSource(settings));
        builder.Services.AddSingleton<CountingStatusSink>().AddSingleton<IRuleStatusSink>(sp => sp.GetRequiredService<CountingStatusSink>());
        builder.Services.AddCesDeviceClient(builder.Configuration);
        builder.Services.AddSingleton<SourceReconciler>();
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new PipelineHost(host);
    }

    /// <summary>Every partition's status and the device's, read through the grains' interleaving status calls.</summary>
    public async Task<(IReadOnlyList<PartitionStatus> Partitions, DeviceStatus Device)> StatusAsync(CesConfig config)
    {
        var device = Options.Device;
        var partitions = await Task.WhenAll(new TenantMap(config).Tenants.Select(t =>
            Grains.GetGrain<IPartitionGrain>(GrainKeys.Partition(device, t.Name)).GetStatusAsync()));
        return (partitions, await Grains.GetGrain<IDeviceGrain>(device).GetStatusAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(TimeSpan.FromSeconds(10));
        _host.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
