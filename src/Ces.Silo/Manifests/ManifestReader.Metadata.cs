using System.Globalization;
using Ces.Abstractions.Api;
using Ces.Abstractions.Collections;
using YamlDotNet.RepresentationModel;

namespace Ces.Silo.Manifests;

public static partial class ManifestReader
{
    private static readonly string[] MetadataKeys =
    [
        "name", "namespace", "labels", "annotations", "creationTimestamp", "generation", "uid", "resourceVersion",
        "managedFields", "generateName", "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds",
        "ownerReferences", "finalizers",
    ];

    private static readonly string[] RFC3339Formats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFFFK"];

    /// <summary>Reads metadata; strict kinds also reject keys Kubernetes does not define.</summary>
    private static ObjectMeta? ReadMetadata(YamlScope scope, YamlMappingNode map, string kind, string defaultNamespace, bool strict)
    {
        scope.Require(map, "", "metadata");
        if (scope.Mapping(YamlScope.Get(map, "metadata"), "metadata") is not { } metadata)
            return null;
        if (strict)
            scope.OnlyKeys(metadata, "metadata", MetadataKeys);
        scope.Require(metadata, "metadata", "name");
        var name = scope.String(YamlScope.Get(metadata, "name"), "metadata.name");
        var ns = scope.String(YamlScope.Get(metadata, "namespace"), "metadata.namespace");
        if (IsClusterScoped(kind) && ns is not null)
        {
            if (strict)
                scope.Error("metadata.namespace", YamlScope.Get(metadata, "namespace")!, $"{kind} is cluster-scoped and takes no namespace");
            ns = null;
        }
        else if (!IsClusterScoped(kind))
        {
            ns ??= defaultNamespace;
        }
        var labels = scope.StringMap(YamlScope.Get(metadata, "labels"), "metadata.labels");
        var annotations = scope.StringMap(YamlScope.Get(metadata, "annotations"), "metadata.annotations");
        var created = Timestamp(scope, YamlScope.Get(metadata, "creationTimestamp"), "metadata.creationTimestamp");
        var generation = scope.Integer(YamlScope.Get(metadata, "generation"), "metadata.generation");
        if (name is null)
            return null;
        return new ObjectMeta(name, ns, created, generation ?? 0, new EquatableMap(labels ?? []), new EquatableMap(annotations ?? []));
    }

    private static DateTimeOffset? Timestamp(YamlScope scope, YamlNode? node, string field)
    {
        if (scope.String(node, field) is not { } text)
            return null;
        if (DateTimeOffset.TryParseExact(text, RFC3339Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
            return value;
        scope.Error(field, node!, $"'{text}' is not an RFC 3339 timestamp such as 2024-05-01T12:00:00Z");
        return null;
    }
}
