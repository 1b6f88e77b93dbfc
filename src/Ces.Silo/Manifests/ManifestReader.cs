using Ces.Abstractions.Api;
using Ces.Abstractions.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Ces.Silo.Manifests;

/// <summary>Reads Kubernetes manifests the way <c>kubectl apply -f</c> takes them into CES objects. Pure: text in, objects out.</summary>
public static partial class ManifestReader
{
    /// <summary>The namespace kubectl gives namespaced objects that name none.</summary>
    public const string DefaultNamespace = "default";

    public const string NamespaceKind = "Namespace";
    public const string PodKind = "Pod";
    public const string EndpointSliceKind = "EndpointSlice";
    public const string EndpointsKind = "Endpoints";

    /// <summary>Reads every document of <paramref name="text"/>; <paramref name="file"/> only labels diagnostics.</summary>
    public static ManifestReadResult Read(string text, string file, string defaultNamespace = DefaultNamespace)
    {
        ArgumentNullException.ThrowIfNull(text);
        var collector = new ManifestCollector();
        ReadInto(collector, text, file, defaultNamespace);
        return collector.Build();
    }

    internal static void ReadInto(ManifestCollector collector, string text, string file, string defaultNamespace)
    {
        foreach (var root in YamlDocuments.Parse(text, file, file, collector.Diagnostics))
            ReadObject(collector, root, file, defaultNamespace);
    }

    private static void ReadObject(ManifestCollector collector, YamlNode root, string file, string defaultNamespace)
    {
        var fileScope = new YamlScope(file, file, collector.Diagnostics);
        if (root is not YamlMappingNode map)
        {
            fileScope.Error("", root, $"a manifest must be a mapping with apiVersion and kind, got {YamlScalars.TypeName(root)}");
            return;
        }
        var kind = fileScope.String(YamlScope.Get(map, "kind"), "kind");
        var apiVersion = fileScope.String(YamlScope.Get(map, "apiVersion"), "apiVersion");
        if (kind is null || apiVersion is null)
        {
            if (!fileScope.HasErrors)
                fileScope.Error(kind is null ? "kind" : "apiVersion", map, $"'{(kind is null ? "kind" : "apiVersion")}' is required");
            return;
        }
        if (kind.EndsWith("List", StringComparison.Ordinal) && YamlScope.Get(map, "items") is { } items)
        {
            foreach (var item in fileScope.Sequence(items, "items")?.Children ?? [])
                ReadObject(collector, item, file, defaultNamespace);
            return;
        }
        var reference = Identify(map, kind, defaultNamespace);
        var scope = new YamlScope(file, reference is { } named ? named.ToString() : file, collector.Diagnostics);
        var value = ReadKind(scope, map, kind, apiVersion, defaultNamespace);
        if (value is not null && reference is { } found && !scope.HasErrors)
            collector.Add(found, scope.At(map), value);
    }

    private static object? ReadKind(YamlScope scope, YamlMappingNode map, string kind, string apiVersion, string defaultNamespace)
    {
        if (IsCesKind(kind) && apiVersion != CesApi.ApiVersion)
        {
            scope.Error("apiVersion", YamlScope.Get(map, "apiVersion")!, $"{kind} is served as {CesApi.ApiVersion}, not {apiVersion}");
            return null;
        }
        return (apiVersion, kind) switch
        {
            (CesApi.ApiVersion, CesApi.ExternalServiceKind) => ReadExternalService(scope, map, defaultNamespace),
            (CesApi.ApiVersion, CesApi.ClusterEgressRuleKind or CesApi.NamespaceEgressRuleKind or CesApi.ServiceEgressRuleKind) => ReadRule(scope, map, kind, defaultNamespace),
            ("v1", NamespaceKind) => ReadNamespace(scope, map),
            ("v1", PodKind) => ReadPod(scope, map, defaultNamespace),
            ("v1", EndpointsKind) => ReadEndpoints(scope, map, defaultNamespace),
            ("discovery.k8s.io/v1", EndpointSliceKind) => ReadEndpointSlice(scope, map, defaultNamespace),
            _ => Ignored(scope, map, kind, apiVersion),
        };
    }

    private static object? Ignored(YamlScope scope, YamlMappingNode map, string kind, string apiVersion)
    {
        scope.Warning("", map, $"ignored: CES does not read {kind} ({apiVersion})");
        return null;
    }

    private static bool IsCesKind(string kind) => kind is CesApi.ExternalServiceKind
        or CesApi.ClusterEgressRuleKind or CesApi.NamespaceEgressRuleKind or CesApi.ServiceEgressRuleKind;

    private static bool IsClusterScoped(string kind) => kind is CesApi.ClusterEgressRuleKind or NamespaceKind;

    /// <summary>Names the object for diagnostics before it is validated; null when it has no usable name.</summary>
    private static ObjectRef? Identify(YamlMappingNode map, string kind, string defaultNamespace)
    {
        var metadata = YamlScope.Get(map, "metadata") as YamlMappingNode;
        if (YamlScope.Get(metadata, "name") is not YamlScalarNode { Value: { Length: > 0 } name })
            return null;
        if (IsClusterScoped(kind))
            return new ObjectRef(kind, "", name);
        var ns = YamlScope.Get(metadata, "namespace") is YamlScalarNode { Value: { Length: > 0 } given } ? given : defaultNamespace;
        return new ObjectRef(kind, ns, name);
    }
}
