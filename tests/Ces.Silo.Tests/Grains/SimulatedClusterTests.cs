using System.Text.Json.Nodes;
using Ces.Abstractions.Api;
using Ces.BigIp.Simulator.Faults;
using Ces.Grains.As3;
using Ces.Grains.Compiler;
using Ces.Silo.Manifests;

namespace Ces.Silo.Tests.Grains;

/// <summary>The grain pipeline on 2–3 silos driving the simulator over HTTPS: the device always ends equal to the desired state.</summary>
public sealed class SimulatedClusterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ces-cluster-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Examples(string path) => Path.Combine(AppContext.BaseDirectory, "examples", path);

    private static ClusterSnapshot ExampleSnapshot() => ManifestFolder.Read(Examples("manifests")).Snapshot;

    /// <summary>Every tenant the compiler declares for the snapshot, as the simulator stores it.</summary>
    private static async Task ConvergedAsync(SimulatedCluster cluster, ClusterSnapshot snapshot, int seconds = 40)
    {
        var expected = PolicyCompiler.Compile(snapshot, cluster.Config.Current).Tenants
            .ToDictionary(t => t.Tenant, t => JsonNode.Parse(As3Writer.WriteTenantObject(t.Model)));
        await Eventually.Holds(
            () => Task.FromResult(expected.Where(e => cluster.Simulator.State.Tenant(e.Key)?.DeclarationJson is not { } json
                || !JsonNode.DeepEquals(JsonNode.Parse(json)?[e.Key] ?? JsonNode.Parse(json), e.Value)).Select(e => e.Key).ToList()),
            differing => differing.Count == 0,
            "every tenant on the device equal to the desired state (the list names those that differ)",
            TimeSpan.FromSeconds(seconds));
    }

    [Fact]
    public async Task Rules_of_each_scope_converge_on_the_simulated_device_through_two_silos()
    {
        var token = TestContext.Current.CancellationToken;
        await using var cluster = await SimulatedCluster.StartAsync(Examples("ces-conf.yaml"), silos: 2, token);
        await cluster.Reconciler.ApplyAsync(ExampleSnapshot(), DateTimeOffset.UtcNow, resync: true, token);

        await ConvergedAsync(cluster, ExampleSnapshot());
        Assert.Equal(1, cluster.Simulator.Stats.Snapshot().MaxConcurrentDeclarations);
        Assert.Equal("/Common/Shared/k8s_system_global_policy",
            await Eventually.Holds(() => Task.FromResult(cluster.Simulator.State.GlobalEnforcedPolicy), p => p is not null, "global context bound"));
    }

    [Fact]
    public async Task A_device_outage_delays_changes_but_loses_none()
    {
        var token = TestContext.Current.CancellationToken;
        await using var cluster = await SimulatedCluster.StartAsync(Examples("ces-conf.yaml"), silos: 2, token);
        for (var i = 0; i < 12; i++)
        {
            cluster.Simulator.Faults.Enqueue(new FaultRule(i % 3 == 0 ? FaultKind.Reset : FaultKind.Busy, "/mgmt/shared/appsvcs"));
        }
        await cluster.Reconciler.ApplyAsync(ExampleSnapshot(), DateTimeOffset.UtcNow, resync: true, token);

        await ConvergedAsync(cluster, ExampleSnapshot());
        Assert.True(cluster.Simulator.Stats.Snapshot().FaultsInjected >= 12);
    }

    [Fact]
    public async Task Killing_a_silo_mid_run_loses_nothing()
    {
        var token = TestContext.Current.CancellationToken;
        await using var cluster = await SimulatedCluster.StartAsync(Examples("ces-conf.yaml"), silos: 3, token);
        var snapshot = ExampleSnapshot();
        await cluster.Reconciler.ApplyAsync(snapshot, DateTimeOffset.UtcNow, resync: true, token);
        await ConvergedAsync(cluster, snapshot);

        await cluster.Cluster.KillSiloAsync(cluster.Cluster.SecondarySilos[0], token);
        var changed = snapshot with
        {
            Rules = [.. snapshot.Rules.Where(r => r.Ref.Name != "rule1")],
            Pods = [.. snapshot.Pods, new PodObject(new ObjectMeta("late", "project3"), "Running", false, ["10.66.0.99"])],
        };
        await cluster.Reconciler.ApplyAsync(changed, DateTimeOffset.UtcNow, resync: false, token);
        await cluster.Reconciler.ApplyAsync(changed, DateTimeOffset.UtcNow, resync: true, token);

        // Calls to grains on the dead silo wait until membership declares it dead, so allow for that under a loaded CI.
        await ConvergedAsync(cluster, changed, seconds: 120);
        Assert.DoesNotContain("k8s_global_rule1", cluster.Simulator.State.Tenant("Common")!.DeclarationJson);
    }
}
