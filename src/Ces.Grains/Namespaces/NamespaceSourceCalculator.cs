using Ces.Abstractions.Api;
using Ces.Abstractions.Collections;
using Ces.Abstractions.Config;
using Ces.Abstractions.Diagnostics;
using Ces.Abstractions.Messages;
using Ces.Grains.Compiler;

namespace Ces.Grains.Namespaces;

/// <summary>Turns a namespace's observed state into the sources its rules use, by the configured namespace source.</summary>
public static class NamespaceSourceCalculator
{
    public static NamespaceSources Compute(string ns, NamespaceObservation observation, NamespaceSourceMode mode, ICollection<Diagnostic> diagnostics)
    {
        var snapshot = new ClusterSnapshot(
            [],
            [],
            observation.Namespace is { } obj ? [obj] : [],
            mode == NamespaceSourceMode.Pods ? [new PodObject(new ObjectMeta("pods", ns), "Running", false, observation.PodAddresses)] : [],
            [.. observation.Services.Select(s => new EndpointSliceObject(new ObjectMeta(s.Service, ns), s.Service, [new EndpointEntry(s.Addresses, true)]))]);
        var index = SourceIndex.Build(snapshot, mode, TenantMap.For(EmptyConfig), diagnostics);
        var services = observation.Services
            .Select(s => new ServiceEndpoints(s.Service, [.. index.ForService(ns, s.Service)]))
            .Where(s => !s.Addresses.IsEmpty)
            .OrderBy(s => s.Service, StringComparer.Ordinal);
        return new NamespaceSources(ns, [.. index.ForNamespace(ns)], [.. services], observation.ObservedAt);
    }

    private static readonly CesConfig EmptyConfig = new() { ClusterName = "ces", MasterCluster = "ces", Tenants = [new TenantConfig { Name = CesConfig.CommonTenant }] };
}
