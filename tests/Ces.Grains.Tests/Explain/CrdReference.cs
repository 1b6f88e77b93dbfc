using System.Net;
using Ces.Abstractions.Api;
using Ces.Abstractions.Config;

namespace Ces.Grains.Tests.Explain;

/// <summary>A second evaluator, written straight from the CRD semantics (ces-behaviour.md §1, §2, §4.4–4.6), never from AFM:
/// cluster rules, then the source namespace's tenant's namespace rules, then its service rules ending in deny-all.</summary>
internal sealed class CrdReference(CesConfig config, ClusterSnapshot snapshot, string controllerNamespace = "kube-system")
{
    /// <summary>The answer: allowed or not, and the rule and ExternalService that decided (null for deny-all, no listener).</summary>
    public sealed record Answer(bool Allowed, string? Rule, string? ExternalService);

    /// <summary>A flow: a source address in a route domain, a destination address or DNS name, protocol and port.</summary>
    public sealed record Query(string SourceIp, int RouteDomain, string Destination, string Protocol, int? Port);

    public Answer Evaluate(Query flow, bool staged)
    {
        var enforced = Active(staged);
        foreach (var scope in new[] { EgressScope.Cluster, EgressScope.Namespace, EgressScope.Service })
        {
            var match = enforced.Where(r => r.Scope == scope && InContext(r, flow.RouteDomain)).Select(r => (Rule: r, Es: Matching(r, flow))).FirstOrDefault(m => m.Es is not null);
            if (match.Rule is { } rule)
            {
                var decided = rule.Spec.Action switch { "accept-decisively" => true, "accept" when scope == EgressScope.Service => true, "accept" => (bool?)null, _ => false };
                if (decided is { } allowed)
                {
                    return new Answer(allowed, rule.Ref.ToString(), match.Es);
                }
            }
        }
        // No tenant in this route domain: no virtual server listens. Otherwise the service policy's deny-all.
        return new Answer(false, null, null);
    }

    /// <summary>Rules in force: valid scope, enforced (or also staged ones), sorted by creation time, then namespace and name.</summary>
    private List<EgressRule> Active(bool staged) => [.. snapshot.Rules
        .Where(r => staged || !r.Spec.IsStaged)
        .Where(r => r.Scope == EgressScope.Cluster || TenantOf(r.Ref.Namespace) is not null)
        .OrderBy(r => r.Metadata.CreationTimestamp ?? DateTimeOffset.MaxValue)
        .ThenBy(r => r.Ref.Namespace, StringComparer.Ordinal)
        .ThenBy(r => r.Ref.Name, StringComparer.Ordinal)];

    private TenantConfig? TenantOf(string ns)
    {
        var tenant = config.Tenants.FirstOrDefault(t => t.Namespaces.Contains(ns));
        return tenant is null ? null : config.IsSupportRouteDomain ? tenant : config.Common;
    }

    private int RouteDomainOf(TenantConfig? tenant) =>
        tenant is null || !config.IsSupportRouteDomain || tenant.Name == CesConfig.CommonTenant ? 0 : tenant.RouteDomain.Id;

    /// <summary>Cluster rules see every route domain; a namespace or service rule only its tenant's.</summary>
    private bool InContext(EgressRule rule, int routeDomain) =>
        rule.Scope == EgressScope.Cluster || RouteDomainOf(TenantOf(rule.Ref.Namespace)) == routeDomain;

    /// <summary>The first ExternalService of the rule (in spec order) the flow matches, when its source matches too.</summary>
    private string? Matching(EgressRule rule, Query flow)
    {
        if (!SourceMatches(rule, flow))
        {
            return null;
        }
        var ns = rule.Scope == EgressScope.Cluster ? controllerNamespace : rule.Ref.Namespace;
        return rule.Spec.ExternalServices.Distinct()
            .Select(name => snapshot.ExternalServices.FirstOrDefault(e => e.Metadata.Namespace == ns && e.Metadata.Name == name))
            .FirstOrDefault(e => e is not null && DestinationMatches(e.Spec, flow))?.Ref.ToString();
    }

    private bool SourceMatches(EgressRule rule, Query flow) => rule.Scope switch
    {
        EgressScope.Cluster when config.ClusterRuleSource == ClusterRuleSourceMode.Any => true,
        EgressScope.Cluster => snapshot.Namespaces.Select(n => n.Name).Concat(snapshot.Pods.Select(p => p.Metadata.Namespace ?? "")).Distinct()
            .Any(ns => RouteDomainOf(TenantOf(ns)) == flow.RouteDomain && NamespaceSources(ns).Any(s => Contains(s, flow.SourceIp))),
        EgressScope.Namespace => NamespaceSources(rule.Ref.Namespace).Any(s => Contains(s, flow.SourceIp)),
        _ => snapshot.EndpointSlices.Where(s => s.Metadata.Namespace == rule.Ref.Namespace && s.ServiceName == rule.Spec.Service)
            .SelectMany(s => s.Endpoints.Where(e => e.IsReady).SelectMany(e => e.Addresses)).Contains(flow.SourceIp),
    };

    /// <summary>A namespace's sources: its running pods' IPs, or Kube-OVN's CIDR annotation.</summary>
    private IEnumerable<string> NamespaceSources(string ns) => config.NamespaceSource == NamespaceSourceMode.Pods
        ? snapshot.Pods.Where(p => p.Metadata.Namespace == ns && p.ContributesSourceAddresses).SelectMany(p => p.PodIPs)
        : snapshot.Namespaces.Where(n => n.Name == ns).Select(n => n.Metadata.Annotations.GetValueOrDefault(CesApi.OvnCidrAnnotation)).OfType<string>()
            .SelectMany(v => v.Split(','));

    private static bool DestinationMatches(ExternalServiceSpec spec, Query flow)
    {
        var address = spec.Addresses.Any(a => IPAddress.TryParse(flow.Destination, out _) ? Contains(a, flow.Destination) : string.Equals(a, flow.Destination, StringComparison.OrdinalIgnoreCase));
        var ports = spec.Ports.Where(p => !string.IsNullOrEmpty(p.Port)).ToList();
        return address && (ports.Count == 0 || ports.Any(p => string.Equals(p.Protocol, flow.Protocol, StringComparison.OrdinalIgnoreCase)
            && flow.Port is { } port && p.Port!.Split(',').Any(entry => InPortRange(entry, port))));
    }

    private static bool InPortRange(string entry, int port)
    {
        var bounds = entry.Split('-');
        return port >= int.Parse(bounds[0], System.Globalization.CultureInfo.InvariantCulture) && port <= int.Parse(bounds[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Whether an IP, CIDR or a-b range holds an address (of the same family).</summary>
    private static bool Contains(string entry, string ip)
    {
        if (!IPAddress.TryParse(ip, out var address))
        {
            return false;
        }
        if (entry.Contains('/', StringComparison.Ordinal))
        {
            return IPNetwork.TryParse(entry, out var network) && network.Contains(address);
        }
        if (entry.Contains('-', StringComparison.Ordinal))
        {
            var bounds = entry.Split('-');
            return IPAddress.TryParse(bounds[0], out var low) && IPAddress.TryParse(bounds[1], out var high) && low.AddressFamily == address.AddressFamily
                && Compare(low, address) <= 0 && Compare(address, high) <= 0;
        }
        return IPAddress.TryParse(entry, out var single) && single.Equals(address);
    }

    private static int Compare(IPAddress a, IPAddress b) => new System.Numerics.BigInteger(a.GetAddressBytes(), isUnsigned: true, isBigEndian: true)
        .CompareTo(new System.Numerics.BigInteger(b.GetAddressBytes(), isUnsigned: true, isBigEndian: true));
}
