using Ces.Abstractions.Api;
using Ces.Abstractions.Collections;

namespace Ces.Grains.Compiler;

/// <summary>A valid egress rule with its ExternalServices and sources resolved: what one tenant enforces for it.</summary>
public sealed record ResolvedRule(
    EgressScope Scope,
    ObjectRef Ref,
    string Action,
    bool Logging,
    DateTimeOffset? CreationTimestamp,
    EquatableArray<Destination> Destinations,
    RuleSource Source)
{
    public string Namespace => Ref.Namespace;

    public string Name => Ref.Name;

    /// <summary>Policy order: oldest first, then by namespace and name (CES kept insertion order).</summary>
    public (DateTimeOffset, string, string) OrderKey => (CreationTimestamp ?? DateTimeOffset.MaxValue, Namespace, Name);
}
