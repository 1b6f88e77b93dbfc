using Ces.Abstractions.Config;
using Ces.BigIp.Simulator.Hosting;
using Ces.Grains.Hosting;
using Ces.Grains.Sources;
using Ces.Grains.Telemetry;
using Ces.Silo.Devices;
using Ces.Silo.Explain;
using Ces.Silo.Files;
using Ces.Silo.Http;
using Ces.Silo.Status;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Dashboard;

namespace Ces.Silo.Hosting;

/// <summary>The silo host of <c>ces run</c>: Orleans, the grains, the file source, the device client, and the HTTP surface.</summary>
public static class CesHost
{
    public static WebApplication Build(CesRunOptions run, FileConfigSource config, IDictionary<string, string?> device, TextWriter console)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls($"http://127.0.0.1:{run.HttpPort}");
        builder.Configuration.AddInMemoryCollection(device);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning).AddFilter("Orleans", LogLevel.Warning).AddFilter("System", LogLevel.Warning).AddFilter("Polly", LogLevel.Warning);
        builder.Logging.AddSimpleConsole(o => (o.SingleLine, o.TimestampFormat) = (true, "HH:mm:ss "));

        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(run.SiloPort, run.GatewayPort);
            silo.AddActivityPropagation();
            silo.AddDashboard();
        });
        builder.Services.Configure<GrainProfilerOptions>(o => o.TraceAlways = true);
        builder.Services.AddCesGrains(builder.Configuration);
        builder.Services.AddSingleton(config).AddSingleton<ICesConfigSource>(config);
        builder.Services.AddSingleton<RuleStatusStore>().AddSingleton<IRuleStatusSink>(sp => sp.GetRequiredService<RuleStatusStore>());
        builder.Services.AddCesDeviceClient(builder.Configuration);
        builder.Services.AddSingleton<SourceReconciler>().AddSingleton<SourceReadiness>();
        builder.Services.AddSingleton<SnapshotStore>().AddSingleton<DriftCheck>();
        builder.Services.AddHttpClient(DriftCheck.HttpClientName)
            .ConfigureHttpClient(client => client.Timeout = TimeSpan.FromSeconds(5))
            .ConfigurePrimaryHttpMessageHandler(services => DeviceTls.CreateHandler(services.GetRequiredService<IOptions<DeviceOptions>>().Value));
        builder.Services.AddSingleton(new FileSourceOptions(run.Manifests, run.ConfigFile, run.RescanInterval, run.ResyncInterval));
        builder.Services.AddHostedService<FileSource>();
        builder.Services.AddHostedService(sp => ActivatorUtilities.CreateInstance<ConvergenceReporter>(sp, console));
        AddTelemetry(builder);

        var app = builder.Build();
        app.MapPrometheusScrapingEndpoint();
        app.MapOrleansDashboard(routePrefix: "/dashboard");
        app.MapCesHealth();
        app.MapCesApi();
        app.MapCesExplain();
        return app;
    }

    /// <summary>Starts the built-in BIG-IP simulator for the embedded default, with the route domains and iRules the config names.</summary>
    public static async Task<(BigIpSimulator Simulator, Dictionary<string, string?> Device)> StartSimulatorAsync(CesConfig config, double speed, CancellationToken cancellationToken)
    {
        var options = new SimulatorOptions { Port = 0, Speed = speed, LogLevel = LogLevel.Warning };
        foreach (var tenant in config.Tenants.Where(t => t.Name != CesConfig.CommonTenant && config.IsSupportRouteDomain))
        {
            options.RouteDomains.Add($"{tenant.Name}/{tenant.RouteDomain.Name}={tenant.RouteDomain.Id}");
        }
        foreach (var iRule in config.IRule)
        {
            options.IRules.Add(iRule);
        }
        var simulator = await BigIpSimulator.StartAsync(options, cancellationToken);
        // One file per simulator: several can run in one process (tests), each with its own certificate.
        var caFile = Path.Combine(Path.GetTempPath(), $"ces-bigip-sim-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(caFile, simulator.Certificate!.ExportCertificatePem(), cancellationToken);
        return (simulator, new Dictionary<string, string?>
        {
            ["Ces:Device:Url"] = simulator.BaseAddress.ToString(),
            ["Ces:Device:Username"] = options.User,
            ["Ces:Device:Password"] = options.Password,
            ["Ces:Device:CaBundlePath"] = caFile,
        });
    }

    private static void AddTelemetry(WebApplicationBuilder builder)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("ces"))
            .WithMetrics(m => m.AddMeter(CesTelemetry.Name, "Microsoft.Orleans").AddPrometheusExporter())
            .WithTracing(t => t.AddSource(CesTelemetry.Name, "Microsoft.Orleans.Application"));
        if (!string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }
    }
}
