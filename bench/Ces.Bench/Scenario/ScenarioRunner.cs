using System.Diagnostics;
using Ces.Grains.Compiler;
using Ces.Grains.Devices;
using Ces.Silo.Devices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ces.Bench.Scenario;

/// <summary>Runs the scenario twice: through the grain pipeline, then CES 0.5's way (per-event writer), each against a fresh simulator.</summary>
public sealed class ScenarioRunner(ScenarioOptions options, TextWriter log)
{
    private const string Device = "bigip";

    public async Task<ScenarioReport> RunAsync(CancellationToken cancellationToken)
    {
        var build = Stopwatch.StartNew();
        var cluster = SyntheticCluster.Build(options.Shape);
        var settings = new CompilerSettings(cluster.Config);
        log.WriteLine($"built the synthetic cluster in {build.Elapsed.TotalSeconds:0.0} s: {cluster.Snapshot.Pods.Count:N0} pods, {cluster.Snapshot.Namespaces.Count:N0} namespaces, {cluster.Snapshot.Rules.Count:N0} rules, {cluster.Config.Tenants.Count} tenants");

        var ours = await RunPipelineAsync(cluster, settings, cancellationToken);
        RunResult? baseline = null;
        if (options.RunBaseline)
        {
            ProcessProbe.TryResetPeak();
            GC.Collect();
            baseline = await RunPerEventAsync(cluster, settings, cancellationToken);
        }
        return new ScenarioReport(options, Environment.ProcessorCount, Environment.Version.ToString(), System.Runtime.InteropServices.RuntimeInformation.OSDescription,
            cluster.Snapshot.Pods.Count, cluster.Snapshot.Namespaces.Count, cluster.Snapshot.Rules.Count, cluster.Snapshot.ExternalServices.Count, cluster.Config.Tenants.Count,
            ours, baseline);
    }

    private async Task<RunResult> RunPipelineAsync(SyntheticCluster cluster, CompilerSettings settings, CancellationToken cancellationToken)
    {
        var runStart = ProcessProbe.Sample();
        await using var device = await SimulatedDevice.StartAsync(cluster.Config, options.Device, cancellationToken);
        await using var pipeline = await PipelineHost.StartAsync(settings, device.Settings, cancellationToken);
        using var recorder = new CesMetricsRecorder();
        var model = new ClusterModel(cluster, options.Mix, options.Shape.Seed);
        var phases = new List<PhaseResult>();
        var applies = new List<double>();

        async Task ApplyAsync(IReadOnlyList<ClusterChange> changes, Ces.Abstractions.Api.ClusterSnapshot snapshot, bool resync)
        {
            var started = Stopwatch.GetTimestamp();
            // The earliest change of the tick stamps the whole tick: later changes in it get an over-estimate, never an under-estimate.
            await pipeline.Reconciler.ApplyAsync(snapshot, changes.Count > 0 ? changes[0].ObservedAt : DateTimeOffset.UtcNow, resync, cancellationToken);
            applies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        async Task<PhaseResult> PhaseAsync(string name, int rate, Func<Task<long>> feed)
        {
            log.WriteLine($"[pipeline] {name}: feeding");
            recorder.Take();
            applies.Clear();
            var before = ProcessProbe.Sample();
            var clock = Stopwatch.StartNew();
            var changes = await feed();
            var fed = clock.Elapsed;
            var converged = await WaitConvergedAsync(pipeline, cluster, options.DrainCap, cancellationToken);
            var drain = clock.Elapsed - fed;
            var after = ProcessProbe.Sample();
            var metrics = recorder.Take();
            var result = new PhaseResult("pipeline", name, rate, changes, fed.TotalSeconds, converged ? drain.TotalSeconds : null,
                LatencySummary.Of(metrics.Convergence), null,
                metrics.Writes.Where(w => w.Key.StartsWith("as3/", StringComparison.Ordinal) && !w.Key.EndsWith("/unavailable", StringComparison.Ordinal)).Sum(w => w.Value),
                metrics.Writes.Where(w => w.Key.StartsWith("fast/", StringComparison.Ordinal) && !w.Key.EndsWith("/unavailable", StringComparison.Ordinal)).Sum(w => w.Value),
                metrics.Writes.Where(w => w.Key.EndsWith("/unavailable", StringComparison.Ordinal) || w.Key.EndsWith("/rejected", StringComparison.Ordinal)).Sum(w => w.Value),
                converged ? 0 : -1, applies.Count, applies.Count == 0 ? 0 : applies.Average(),
                metrics.Batches, metrics.Batches == 0 ? 0 : metrics.BatchChanges / (double)metrics.Batches,
                (after.Cpu - before.Cpu).TotalSeconds, after.Gen0 - before.Gen0, after.Gen1 - before.Gen1, after.Gen2 - before.Gen2);
            log.WriteLine($"[pipeline] {name}: {changes:N0} changes, fed in {fed.TotalSeconds:0.0} s, {(converged ? $"converged {drain.TotalSeconds:0.0} s later" : "NOT converged at the cap")}; p99 {result.Latency.P99:0.00} s, {result.Declarations} declarations, {result.FastPathPatches} PATCHes");
            return result;
        }

        phases.Add(await PhaseAsync("cold sync", 0, async () =>
        {
            await ApplyAsync([], model.Snapshot(), resync: true);
            return cluster.Snapshot.Rules.Count + cluster.Snapshot.Namespaces.Count;
        }));
        foreach (var rate in options.Rates)
        {
            phases.Add(await PhaseAsync($"churn {rate}/s", rate, () =>
                ChurnFeeder.FeedAsync(model, rate, options.ChurnDuration, (changes, snapshot) => ApplyAsync(changes, snapshot, resync: false), cancellationToken)));
        }
        if (options.BurstSize > 0)
        {
            phases.Add(await PhaseAsync($"burst {options.BurstSize:N0}", 0, () =>
                ChurnFeeder.BurstAsync(model, options.BurstSize, (changes, snapshot) => ApplyAsync(changes, snapshot, resync: false))));
        }

        log.WriteLine("[pipeline] checking the device against the compiler's output for the final snapshot");
        var check = DeviceStateCheck.Compare(model.Snapshot(), settings, device.Simulator.State);
        var end = ProcessProbe.Sample();
        var (_, deviceStatus) = await pipeline.StatusAsync(cluster.Config);
        var stats = device.Simulator.Stats.Snapshot();
        return new RunResult("pipeline", phases, (end.Cpu - runStart.Cpu).TotalSeconds, end.PeakRss / 1048576.0,
            end.Gen0 - runStart.Gen0, end.Gen1 - runStart.Gen1, end.Gen2 - runStart.Gen2, Sizes(device), check,
            $"device grain: {deviceStatus.Declarations} declarations, {deviceStatus.FastPathWrites} fast-path writes, {deviceStatus.Retries} retries; " +
            $"simulator: {stats}; rule status writes: {pipeline.Statuses.Writes:N0}");
    }

    private async Task<RunResult> RunPerEventAsync(SyntheticCluster cluster, CompilerSettings settings, CancellationToken cancellationToken)
    {
        var runStart = ProcessProbe.Sample();
        await using var device = await SimulatedDevice.StartAsync(cluster.Config, options.Device, cancellationToken);
        var services = new ServiceCollection()
            .AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning).AddFilter("Polly", LogLevel.Error))
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(device.Settings).Build());
        services.AddCesDeviceClient(services.BuildServiceProvider().GetRequiredService<IConfiguration>());
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IDeviceClient>();
        var model = new ClusterModel(cluster, options.Mix, options.Shape.Seed);
        var phases = new List<PhaseResult>();

        async Task<PhaseResult> PhaseAsync(string name, int rate, Func<ChurnFeeder.Apply, Task<long>> feed)
        {
            log.WriteLine($"[per-event] {name}: feeding");
            var writer = new PerEventWriter(client, settings, Device);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var before = ProcessProbe.Sample();
            var worker = writer.RunAsync(stop.Token);
            var clock = Stopwatch.StartNew();
            var observed = new List<DateTimeOffset>();
            var changes = await feed((batch, snapshot) =>
            {
                writer.Publish(snapshot);
                foreach (var change in batch)
                {
                    observed.Add(change.ObservedAt);
                    writer.Enqueue(change);
                }
                return Task.CompletedTask;
            });
            var fed = clock.Elapsed;
            var drained = await writer.DrainAsync(options.BaselineDrainCap, cancellationToken);
            var drain = clock.Elapsed - fed;
            var capEnd = DateTimeOffset.UtcNow;
            await stop.CancelAsync();
            await worker;
            var after = ProcessProbe.Sample();
            var acked = writer.Latencies();
            // Events are written in order, so the first acked.Count events are the acknowledged ones.
            var bound = acked.Concat(observed.Skip(acked.Count).Select(o => Math.Max(0, (capEnd - o).TotalSeconds))).ToList();
            var result = new PhaseResult("per-event", name, rate, changes, fed.TotalSeconds, drained ? drain.TotalSeconds : null,
                LatencySummary.Of(acked), LatencySummary.Of(bound), writer.Writes - writer.Failures, 0, writer.Failures, writer.Unacked, 0, 0,
                writer.Acked, 1, (after.Cpu - before.Cpu).TotalSeconds, after.Gen0 - before.Gen0, after.Gen1 - before.Gen1, after.Gen2 - before.Gen2);
            log.WriteLine($"[per-event] {name}: {changes:N0} events, {writer.Acked:N0} acknowledged, {writer.Unacked:N0} not (cap {options.BaselineDrainCap.TotalSeconds:0} s); compile time {writer.CompileTime.TotalSeconds:0.0} s");
            return result;
        }

        foreach (var rate in options.Rates)
        {
            phases.Add(await PhaseAsync($"churn {rate}/s", rate, apply => ChurnFeeder.FeedAsync(model, rate, options.ChurnDuration, apply, cancellationToken)));
        }
        if (options.BurstSize > 0)
        {
            phases.Add(await PhaseAsync($"burst {options.BurstSize:N0}", 0, apply => ChurnFeeder.BurstAsync(model, options.BurstSize, apply)));
        }
        var end = ProcessProbe.Sample();
        return new RunResult("per-event", phases, (end.Cpu - runStart.Cpu).TotalSeconds, end.PeakRss / 1048576.0,
            end.Gen0 - runStart.Gen0, end.Gen1 - runStart.Gen1, end.Gen2 - runStart.Gen2, Sizes(device), null,
            $"no cold sync (CES 0.5 starts with one GET+POST per rule: {cluster.Snapshot.Rules.Count:N0} declarations); each phase starts with an empty queue; simulator: {device.Simulator.Stats.Snapshot()}");
    }

    /// <summary>Idle: every partition synced with nothing pending or in flight, and the device grain's queue empty, on two polls in a row.</summary>
    private static async Task<bool> WaitConvergedAsync(PipelineHost pipeline, SyntheticCluster cluster, TimeSpan cap, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var idlePolls = 0;
        while (clock.Elapsed < cap)
        {
            var (partitions, device) = await pipeline.StatusAsync(cluster.Config);
            var idle = device.QueuedTenants == 0 && !device.Busy && partitions.All(p => p.Synced && p.PendingChanges == 0 && !p.WriteInFlight);
            idlePolls = idle ? idlePolls + 1 : 0;
            if (idlePolls >= 2)
            {
                return true;
            }
            await Task.Delay(100, cancellationToken);
        }
        return false;
    }

    private static DeclarationSizes Sizes(SimulatedDevice device)
    {
        var tenants = device.Simulator.State.Tenants;
        if (tenants.Count == 0)
        {
            return new DeclarationSizes(0, 0, 0, "", 0, 0, 0);
        }
        var largest = tenants.MaxBy(t => t.DeclarationJson.Length)!;
        var sizes = tenants.Select(t => (long)t.DeclarationJson.Length).Order().ToList();
        return new DeclarationSizes(tenants.Count, sizes.Sum(), largest.DeclarationJson.Length, largest.Name,
            tenants.Sum(t => (long)t.Declared.ObjectCount), tenants.Max(t => t.Declared.ObjectCount), sizes[sizes.Count / 2]);
    }
}
