using Ces.BigIp.Simulator.Hosting;
using Ces.Grains.Hosting;
using Ces.Grains.Sources;
using Ces.Silo.Devices;
using Ces.Silo.Files;
using Ces.Silo.Hosting;
using Ces.Silo.Status;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.TestingHost;

namespace Ces.Silo.Tests.Grains;

/// <summary>A TestCluster running CES's grains through the production device client against the simulator over HTTPS.</summary>
internal sealed class SimulatedCluster : IAsyncDisposable
{
    private readonly string _caFile;

    private SimulatedCluster(TestCluster cluster, BigIpSimulator simulator, FileConfigSource config, string caFile)
    {
        (Cluster, Simulator, Config, _caFile) = (cluster, simulator, config, caFile);
        Reconciler = new SourceReconciler(cluster.GrainFactory, config, Options.Create(new CesGrainOptions()));
    }

    public TestCluster Cluster { get; }

    public BigIpSimulator Simulator { get; }

    public FileConfigSource Config { get; }

    public SourceReconciler Reconciler { get; }

    public static async Task<SimulatedCluster> StartAsync(string configFile, int silos, CancellationToken cancellationToken)
    {
        var config = new FileConfigSource(configFile, "kube-system");
        var loaded = config.Load().Config ?? throw new InvalidOperationException($"{configFile} is invalid");
        var (simulator, device) = await CesHost.StartSimulatorAsync(loaded, speed: 0.001, cancellationToken);
        var builder = new TestClusterBuilder((short)silos);
        foreach (var (key, value) in device)
        {
            builder.Properties[key] = value!;
        }
        builder.Properties["CesTest:Config"] = configFile;
        builder.Properties["Ces:Device:BaseRetryDelay"] = "00:00:00.010";
        builder.Properties["Ces:Device:BusyRetryDelay"] = "00:00:00.020";
        builder.Properties["Ces:Device:TaskPollInterval"] = "00:00:00.010";
        builder.Properties["Ces:Device:CircuitBreakDuration"] = "00:00:01";
        builder.Properties["Ces:Grains:MaxRetryDelay"] = "00:00:00.500";
        builder.Properties["Ces:Grains:CoalescingWindow"] = "00:00:00.050";
        builder.Properties["Ces:Grains:RetryDelay"] = "00:00:00.020";
        builder.Properties["Ces:Grains:AckTimeout"] = "00:00:05";
        builder.AddSiloBuilderConfigurator<Configurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new SimulatedCluster(cluster, simulator, config, device["Ces:Device:CaBundlePath"]!);
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await Simulator.DisposeAsync();
        File.Delete(_caFile);
    }

    private sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var configuration = siloBuilder.Configuration;
            var config = new FileConfigSource(configuration["CesTest:Config"]!, "kube-system");
            config.Load();
            siloBuilder.Services.AddCesGrains(configuration);
            siloBuilder.Services.AddSingleton<ICesConfigSource>(config);
            siloBuilder.Services.AddSingleton<IRuleStatusSink, RuleStatusStore>();
            siloBuilder.Services.AddCesDeviceClient(configuration);
        }
    }
}
