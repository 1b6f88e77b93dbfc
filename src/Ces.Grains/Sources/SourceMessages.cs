using Ces.Abstractions.Api;
using Ces.Abstractions.Messages;
using Ces.Abstractions.Validation;

namespace Ces.Grains.Sources;

/// <summary>Maps a cluster snapshot to the whole value of every grain key: one spec per rule, one observation per namespace.</summary>
/// <remarks>Pure. A rule's value includes the ExternalServices it names, so an ExternalService change reaches every rule using it.</remarks>
public static class SourceMessages
{
    public static Dictionary<ObjectRef, PolicySpec> Policies(ClusterSnapshot snapshot, string controllerNamespace, DateTimeOffset observedAt)
    {
        var services = snapshot.ExternalServices
            .GroupBy(s => (s.Metadata.Namespace ?? "", s.Metadata.Name))
            .ToDictionary(g => g.Key, g => g.First());
        var result = new Dictionary<ObjectRef, PolicySpec>();
        foreach (var rule in snapshot.Rules)
        {
            var ns = rule.Scope == EgressScope.Cluster ? controllerNamespace : rule.Ref.Namespace;
            var found = rule.Spec.ExternalServices.Distinct(StringComparer.Ordinal)
                .Select(name => services.GetValueOrDefault((ns, name)))
                .OfType<ExternalService>();
            result[rule.Ref] = new PolicySpec(rule, [.. found], observedAt);
        }
        return result;
    }

    public static Dictionary<string, NamespaceObservation> Namespaces(ClusterSnapshot snapshot, DateTimeOffset observedAt)
    {
        var objects = snapshot.Namespaces.GroupBy(n => n.Name).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var pods = snapshot.Pods.Where(p => p.ContributesSourceAddresses)
            .GroupBy(p => p.Metadata.Namespace ?? "")
            .ToDictionary(g => g.Key, g => g.SelectMany(p => p.PodIPs).Where(AddressSyntax.IsIp).Distinct().Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var endpoints = snapshot.EndpointSlices
            .GroupBy(s => s.Metadata.Namespace ?? "")
            .ToDictionary(g => g.Key, g => g.GroupBy(s => s.ServiceName)
                .Select(s => new ServiceEndpoints(s.Key, [.. s.SelectMany(slice => slice.Endpoints.Where(e => e.IsReady).SelectMany(e => e.Addresses))
                    .Where(AddressSyntax.IsIp).Distinct().Order(StringComparer.Ordinal)]))
                .OrderBy(s => s.Service, StringComparer.Ordinal)
                .ToList(), StringComparer.Ordinal);
        return objects.Keys.Concat(pods.Keys).Concat(endpoints.Keys).Distinct(StringComparer.Ordinal).ToDictionary(
            ns => ns,
            ns => new NamespaceObservation(objects.GetValueOrDefault(ns), [.. pods.GetValueOrDefault(ns) ?? []], [.. endpoints.GetValueOrDefault(ns) ?? []], observedAt),
            StringComparer.Ordinal);
    }
}
