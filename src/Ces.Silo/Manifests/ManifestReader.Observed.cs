using Ces.Abstractions.Api;
using Ces.Abstractions.Collections;
using YamlDotNet.RepresentationModel;

namespace Ces.Silo.Manifests;

// Namespaces, Pods and endpoints have large schemas CES does not own: read the fields CES uses, ignore the rest.
public static partial class ManifestReader
{
    private static NamespaceObject? ReadNamespace(YamlScope scope, YamlMappingNode map) =>
        ReadMetadata(scope, map, NamespaceKind, "", strict: false) is { } metadata ? new NamespaceObject(metadata) : null;

    private static PodObject? ReadPod(YamlScope scope, YamlMappingNode map, string defaultNamespace)
    {
        var metadata = ReadMetadata(scope, map, PodKind, defaultNamespace, strict: false);
        var spec = scope.Mapping(YamlScope.Get(map, "spec"), "spec");
        var hostNetwork = scope.Bool(YamlScope.Get(spec, "hostNetwork"), "spec.hostNetwork") ?? false;
        var status = scope.Mapping(YamlScope.Get(map, "status"), "status");
        var phase = scope.String(YamlScope.Get(status, "phase"), "status.phase");
        var podIP = scope.String(YamlScope.Get(status, "podIP"), "status.podIP");
        var podIPs = new List<string>();
        var nodes = scope.Sequence(YamlScope.Get(status, "podIPs"), "status.podIPs")?.Children ?? [];
        for (var i = 0; i < nodes.Count; i++)
        {
            if (scope.Mapping(nodes[i], $"status.podIPs[{i}]") is { } entry
                && scope.String(YamlScope.Get(entry, "ip"), $"status.podIPs[{i}].ip") is { Length: > 0 } ip)
                podIPs.Add(ip);
        }
        // podIPs[0] is podIP when both are set; older writers set only podIP.
        if (podIPs.Count == 0 && podIP is { Length: > 0 })
            podIPs.Add(podIP);
        return metadata is null ? null : new PodObject(metadata, phase, hostNetwork, podIPs.ToEquatableArray());
    }

    private static EndpointSliceObject? ReadEndpointSlice(YamlScope scope, YamlMappingNode map, string defaultNamespace)
    {
        var metadata = ReadMetadata(scope, map, EndpointSliceKind, defaultNamespace, strict: false);
        var service = metadata?.Labels.GetValueOrDefault(CesApi.ServiceNameLabel);
        if (metadata is not null && string.IsNullOrEmpty(service))
            scope.Error("metadata.labels", YamlScope.Get(map, "metadata")!, $"an EndpointSlice needs the label {CesApi.ServiceNameLabel} to say which Service it belongs to");
        var endpoints = new List<EndpointEntry>();
        var nodes = scope.Sequence(YamlScope.Get(map, "endpoints"), "endpoints")?.Children ?? [];
        for (var i = 0; i < nodes.Count; i++)
        {
            if (scope.Mapping(nodes[i], $"endpoints[{i}]") is not { } entry)
                continue;
            var addresses = scope.StringList(YamlScope.Get(entry, "addresses"), $"endpoints[{i}].addresses") ?? [];
            var conditions = scope.Mapping(YamlScope.Get(entry, "conditions"), $"endpoints[{i}].conditions");
            var ready = scope.Bool(YamlScope.Get(conditions, "ready"), $"endpoints[{i}].conditions.ready");
            endpoints.Add(new EndpointEntry(addresses.ToEquatableArray(), ready));
        }
        return metadata is null || string.IsNullOrEmpty(service) ? null : new EndpointSliceObject(metadata, service, endpoints.ToEquatableArray());
    }

    /// <summary>Core v1 Endpoints, which CES 0.5 watched, become one slice named after the Service.</summary>
    private static EndpointSliceObject? ReadEndpoints(YamlScope scope, YamlMappingNode map, string defaultNamespace)
    {
        var metadata = ReadMetadata(scope, map, EndpointsKind, defaultNamespace, strict: false);
        var endpoints = new List<EndpointEntry>();
        var subsets = scope.Sequence(YamlScope.Get(map, "subsets"), "subsets")?.Children ?? [];
        for (var i = 0; i < subsets.Count; i++)
        {
            if (scope.Mapping(subsets[i], $"subsets[{i}]") is not { } subset)
                continue;
            endpoints.AddRange(SubsetAddresses(scope, subset, $"subsets[{i}]", "addresses", ready: true));
            endpoints.AddRange(SubsetAddresses(scope, subset, $"subsets[{i}]", "notReadyAddresses", ready: false));
        }
        return metadata is null ? null : new EndpointSliceObject(metadata, metadata.Name, endpoints.ToEquatableArray());
    }

    private static IEnumerable<EndpointEntry> SubsetAddresses(YamlScope scope, YamlMappingNode subset, string path, string key, bool ready)
    {
        var nodes = scope.Sequence(YamlScope.Get(subset, key), $"{path}.{key}")?.Children ?? [];
        for (var i = 0; i < nodes.Count; i++)
        {
            var field = $"{path}.{key}[{i}]";
            if (scope.Mapping(nodes[i], field) is { } address && scope.String(YamlScope.Get(address, "ip"), $"{field}.ip") is { Length: > 0 } ip)
                yield return new EndpointEntry(new[] { ip }, ready);
        }
    }
}
