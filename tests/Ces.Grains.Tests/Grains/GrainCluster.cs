using Ces.Grains.Devices;
using Ces.Grains.Hosting;
using Ces.Grains.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.TestingHost;

namespace Ces.Grains.Tests.Grains;

/// <summary>A TestCluster of CES grains wired to one test's world, plus the reconciler a source would use.</summary>
internal sealed class GrainCluster : IAsyncDisposable
{
    private GrainCluster(TestCluster cluster, TestWorld world)
    {
        Cluster = cluster;
        World = world;
        Reconciler = new SourceReconciler(cluster.GrainFactory, world, Options.Create(SiloConfigurator.GrainOptions));
    }

    public TestCluster Cluster { get; }

    public TestWorld World { get; }

    public SourceReconciler Reconciler { get; }

    public static async Task<GrainCluster> StartAsync(TestWorld world, int silos = 2)
    {
        var builder = new TestClusterBuilder((short)silos);
        builder.Properties["CesTest:Id"] = world.Id;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new GrainCluster(cluster, world);
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public static CesGrainOptions GrainOptions => new()
        {
            CoalescingWindow = TimeSpan.FromMilliseconds(150),
            MaxDelay = TimeSpan.FromMilliseconds(1000),
            RetryDelay = TimeSpan.FromMilliseconds(20),
            MaxRetryDelay = TimeSpan.FromMilliseconds(200),
            AckTimeout = TimeSpan.FromSeconds(3),
            RedeclareInterval = TimeSpan.Zero,
            Device = "bigip",
        };

        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.Services.AddCesGrains();
            siloBuilder.Services.Configure<CesGrainOptions>(o =>
            {
                var defaults = GrainOptions;
                (o.CoalescingWindow, o.MaxDelay, o.RetryDelay, o.MaxRetryDelay, o.AckTimeout, o.RedeclareInterval) =
                    (defaults.CoalescingWindow, defaults.MaxDelay, defaults.RetryDelay, defaults.MaxRetryDelay, defaults.AckTimeout, defaults.RedeclareInterval);
            });
            siloBuilder.Services.AddSingleton(sp => TestWorld.Get(sp.GetRequiredService<IConfiguration>()["CesTest:Id"]!));
            siloBuilder.Services.AddSingleton<ICesConfigSource>(sp => sp.GetRequiredService<TestWorld>());
            siloBuilder.Services.AddSingleton<IRuleStatusSink>(sp => sp.GetRequiredService<TestWorld>());
            siloBuilder.Services.AddSingleton<IDeviceClient>(sp => sp.GetRequiredService<TestWorld>().Device);
        }
    }
}
