using Ces.Abstractions.Collections;
using Orleans;

namespace Ces.Abstractions.Api;

/// <summary>The part of Kubernetes object metadata CES reads.</summary>
[GenerateSerializer, Immutable, Alias("ces.ObjectMeta")]
public sealed record ObjectMeta(
    string Name,
    string? Namespace = null,
    DateTimeOffset? CreationTimestamp = null,
    long Generation = 0,
    EquatableMap Labels = default,
    EquatableMap Annotations = default);
