using Ces.Abstractions.Api;
using Ces.Abstractions.Grains;
using Ces.Abstractions.Keys;
using Ces.Abstractions.Messages;
using Ces.Grains.Compiler;
using Ces.Grains.Hosting;
using Microsoft.Extensions.Options;

namespace Ces.Grains.Sources;

/// <summary>The edge's reconciler: sends each grain key whose whole value changed since the last snapshot, and on a resync every key.</summary>
/// <remarks>
/// Partitions write nothing until a full resync has reached them (<see cref="IPartitionGrain.MarkSyncedAsync"/>): before the first
/// full list, an empty pod list looks like a scale to zero and would revoke live traffic. Not thread-safe: one source drives it.
/// </remarks>
public sealed class SourceReconciler(IGrainFactory grains, ICesConfigSource config, IOptions<CesGrainOptions> options)
{
    private const int Parallelism = 32;
    private Dictionary<ObjectRef, PolicySpec> _policies = [];
    private Dictionary<string, NamespaceObservation> _namespaces = new(StringComparer.Ordinal);
    private long _epoch;

    /// <summary>How many grain messages the last apply sent.</summary>
    public int LastMessages { get; private set; }

    public async Task ApplyAsync(ClusterSnapshot snapshot, DateTimeOffset observedAt, bool resync, CancellationToken cancellationToken)
    {
        var settings = config.Current;
        var policies = SourceMessages.Policies(snapshot, settings.ControllerNamespace, observedAt);
        var namespaces = SourceMessages.Namespaces(snapshot, observedAt);
        var sends = new List<Func<Task>>();

        foreach (var (key, spec) in policies)
        {
            if (resync || !_policies.TryGetValue(key, out var before) || before with { ObservedAt = observedAt } != spec)
            {
                sends.Add(() => grains.GetGrain<IPolicyGrain>(GrainKeys.Policy(key)).SetSpecAsync(spec));
            }
        }
        foreach (var key in _policies.Keys.Where(k => !policies.ContainsKey(k)))
        {
            sends.Add(() => grains.GetGrain<IPolicyGrain>(GrainKeys.Policy(key)).RemoveAsync(observedAt));
        }
        foreach (var (ns, observation) in namespaces)
        {
            if (resync || !_namespaces.TryGetValue(ns, out var before) || before with { ObservedAt = observedAt } != observation)
            {
                sends.Add(() => grains.GetGrain<INamespaceGrain>(ns).SetObservedAsync(observation));
            }
        }
        foreach (var ns in _namespaces.Keys.Where(k => !namespaces.ContainsKey(k)))
        {
            sends.Add(() => grains.GetGrain<INamespaceGrain>(ns).SetObservedAsync(new NamespaceObservation(null, [], [], observedAt)));
        }

        await Parallel.ForEachAsync(sends, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (send, _) => await send());
        (_policies, _namespaces, LastMessages) = (policies, namespaces, sends.Count);

        if (resync)
        {
            var epoch = ++_epoch;
            await Task.WhenAll(TenantMap.For(settings.Config).Tenants.Select(t =>
                grains.GetGrain<IPartitionGrain>(GrainKeys.Partition(options.Value.Device, t.Name)).MarkSyncedAsync(epoch)));
        }
    }
}
