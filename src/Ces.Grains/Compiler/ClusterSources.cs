namespace Ces.Grains.Compiler;

/// <summary>The source of cluster rules: every namespace's sources, each with its tenant's route domain, sorted and unique.</summary>
/// <remarks>Cluster rules sit in the global context, which sees every route domain; a bare address would match only one.</remarks>
public static class ClusterSources
{
    public static IReadOnlyCollection<string> Of(IEnumerable<(string Namespace, IEnumerable<string> Addresses)> namespaces, TenantMap tenants) =>
        namespaces
            .SelectMany(ns =>
            {
                var routeDomain = tenants.ForNamespace(ns.Namespace) is { } tenant ? tenants.RouteDomainId(tenant) : 0;
                return ns.Addresses.Select(a => RouteDomainAddress.Qualify(a, routeDomain));
            })
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
}
