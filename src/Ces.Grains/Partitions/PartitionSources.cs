using Ces.Abstractions.Messages;
using Ces.Grains.Compiler;

namespace Ces.Grains.Partitions;

/// <summary>The sources a partition knows, by namespace, as the compiler's source lookup.</summary>
public sealed class PartitionSources(IReadOnlyDictionary<string, NamespaceSources> namespaces, TenantMap tenants) : ISourceLookup
{
    private IReadOnlyCollection<string>? _cluster;

    public IReadOnlyCollection<string> ForNamespace(string ns) =>
        namespaces.TryGetValue(ns, out var sources) ? sources.Addresses : [];

    public IReadOnlyCollection<string> ForService(string ns, string service) =>
        namespaces.TryGetValue(ns, out var sources) ? sources.Services.FirstOrDefault(s => s.Service == service)?.Addresses ?? [] : [];

    public IReadOnlyCollection<string> ForCluster() =>
        _cluster ??= ClusterSources.Of(namespaces.Values.Select(s => (s.Namespace, (IEnumerable<string>)s.Addresses)), tenants);
}
