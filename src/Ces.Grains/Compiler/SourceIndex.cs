using Ces.Abstractions.Api;
using Ces.Abstractions.Config;
using Ces.Abstractions.Diagnostics;
using Ces.Abstractions.Validation;

namespace Ces.Grains.Compiler;

/// <summary>The observed source addresses: per namespace (pod IPs or Kube-OVN CIDRs) and per Service (ready endpoints).</summary>
/// <remarks>Absence is meaningful: a namespace or Service with no addresses gets no allow rule (fail closed).</remarks>
public sealed class SourceIndex : ISourceLookup
{
    private readonly Dictionary<string, SortedSet<string>> _namespaces = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Namespace, string Service), SortedSet<string>> _services = [];
    private readonly Lazy<IReadOnlyCollection<string>> _cluster;

    private SourceIndex(TenantMap tenants) =>
        _cluster = new(() => ClusterSources.Of(Namespaces.Select(ns => (ns, (IEnumerable<string>)ForNamespace(ns))), tenants));

    public static SourceIndex Build(ClusterSnapshot snapshot, NamespaceSourceMode mode, TenantMap tenants, ICollection<Diagnostic> diagnostics)
    {
        var index = new SourceIndex(tenants);
        if (mode == NamespaceSourceMode.Pods)
        {
            foreach (var pod in snapshot.Pods.Where(p => p.ContributesSourceAddresses))
            {
                index.AddIps(index.NamespaceSet(pod.Metadata.Namespace ?? ""), pod.PodIPs);
            }
        }
        else
        {
            foreach (var ns in snapshot.Namespaces)
            {
                index.AddOvnCidrs(ns, diagnostics);
            }
        }
        foreach (var slice in snapshot.EndpointSlices)
        {
            var key = (slice.Metadata.Namespace ?? "", slice.ServiceName);
            if (!index._services.TryGetValue(key, out var set))
            {
                index._services[key] = set = new SortedSet<string>(StringComparer.Ordinal);
            }
            foreach (var endpoint in slice.Endpoints.Where(e => e.IsReady))
            {
                index.AddIps(set, endpoint.Addresses);
            }
        }
        return index;
    }

    /// <summary>The namespace's source addresses, sorted; empty when none are known.</summary>
    public IReadOnlyCollection<string> ForNamespace(string ns) =>
        _namespaces.TryGetValue(ns, out var set) ? set : [];

    /// <summary>The Service's ready endpoint addresses, sorted; empty when none are ready or the Service is unknown.</summary>
    public IReadOnlyCollection<string> ForService(string ns, string service) =>
        _services.TryGetValue((ns, service), out var set) ? set : [];

    public IReadOnlyCollection<string> ForCluster() => _cluster.Value;

    /// <summary>Every namespace with known sources, in ordinal order.</summary>
    public IEnumerable<string> Namespaces => _namespaces.Where(n => n.Value.Count > 0).Select(n => n.Key).Order(StringComparer.Ordinal);

    private SortedSet<string> NamespaceSet(string ns)
    {
        if (!_namespaces.TryGetValue(ns, out var set))
        {
            _namespaces[ns] = set = new SortedSet<string>(StringComparer.Ordinal);
        }
        return set;
    }

    private void AddIps(SortedSet<string> set, IEnumerable<string> addresses)
    {
        foreach (var address in addresses.Where(AddressSyntax.IsIp))
        {
            set.Add(address);
        }
    }

    private void AddOvnCidrs(NamespaceObject ns, ICollection<Diagnostic> diagnostics)
    {
        if (ns.Metadata.Annotations.GetValueOrDefault(CesApi.OvnCidrAnnotation) is not { } value)
        {
            return;
        }
        // Dual-stack Kube-OVN writes "10.16.0.0/16,fd00:10:16::/64"; CES 0.5 took that whole string for a DNS name (bug 13).
        var cidrs = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var invalid = cidrs.Where(c => !AddressSyntax.IsCidr(c) && !AddressSyntax.IsIp(c)).ToList();
        if (invalid.Count > 0 || cidrs.Length == 0)
        {
            diagnostics.Add(Diagnostic.Error($"Namespace {ns.Name}", $"metadata.annotations[{CesApi.OvnCidrAnnotation}]",
                $"'{value}' is not a CIDR or comma-separated list of CIDRs; its namespace rules get no source (fail closed)"));
            return;
        }
        foreach (var cidr in cidrs)
        {
            NamespaceSet(ns.Name).Add(cidr);
        }
    }
}
