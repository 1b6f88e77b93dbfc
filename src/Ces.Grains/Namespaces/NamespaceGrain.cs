using Ces.Abstractions.Config;
using Ces.Abstractions.Diagnostics;
using Ces.Abstractions.Grains;
using Ces.Abstractions.Keys;
using Ces.Abstractions.Messages;
using Ces.Grains.Compiler;
using Ces.Grains.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ces.Grains.Namespaces;

/// <summary>One namespace: computes the sources its rules use from its pods and endpoints, and hands them to its partitions.</summary>
public sealed partial class NamespaceGrain(ICesConfigSource config, IOptions<CesGrainOptions> options, ILogger<NamespaceGrain> logger)
    : Grain, INamespaceGrain
{
    private IReadOnlySet<string> _partitions = new HashSet<string>();

    public async Task SetObservedAsync(NamespaceObservation observation)
    {
        var ns = this.GetPrimaryKeyString();
        var settings = config.Current;
        var diagnostics = new List<Diagnostic>();
        var sources = NamespaceSourceCalculator.Compute(ns, observation, settings.Config.NamespaceSource, diagnostics);
        foreach (var diagnostic in diagnostics)
        {
            LogInvalidSource(logger, ns, diagnostic.Message);
        }

        var targets = Targets(ns, settings.Config);
        // A namespace moved to another tenant (config reload) leaves its old partition with no sources.
        var removed = new NamespaceSources(ns, [], [], observation.ObservedAt);
        await Task.WhenAll(_partitions.Except(targets).Select(p => Partition(p).SetNamespaceSourcesAsync(removed))
            .Concat(targets.Select(p => Partition(p).SetNamespaceSourcesAsync(sources))));
        _partitions = targets;
    }

    /// <summary>Its own tenant's partition, and Common's too when cluster rules take their sources from the cluster's pods.</summary>
    private HashSet<string> Targets(string ns, CesConfig cesConfig)
    {
        var targets = new HashSet<string>(StringComparer.Ordinal);
        if (TenantMap.For(cesConfig).ForNamespace(ns) is { } tenant)
        {
            targets.Add(tenant.Name);
        }
        if (cesConfig.ClusterRuleSource == ClusterRuleSourceMode.Cluster)
        {
            targets.Add(CesConfig.CommonTenant);
        }
        return targets;
    }

    private IPartitionGrain Partition(string tenant) => GrainFactory.GetGrain<IPartitionGrain>(GrainKeys.Partition(options.Value.Device, tenant));

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Ignored the sources of Namespace {Namespace}: {Reason}")]
    private static partial void LogInvalidSource(ILogger logger, string @namespace, string reason);
}
