using Orleans;

namespace Ces.Abstractions.Api;

/// <summary>Names one object: kind, namespace (empty for cluster-scoped kinds) and name.</summary>
[GenerateSerializer, Immutable, Alias("ces.ObjectRef")]
public readonly record struct ObjectRef(string Kind, string Namespace, string Name)
{
    public override string ToString() => Namespace.Length == 0 ? $"{Kind} {Name}" : $"{Kind} {Namespace}/{Name}";
}
