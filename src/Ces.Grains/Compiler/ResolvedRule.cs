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

    /// <summary>Policy order: oldest first (unknown creation time last), then by namespace and name, ordinally.</summary>
    /// <remarks>CES 0.5 kept the order rule lists first reached the device in, which a rebuild cannot know.</remarks>
    public static IComparer<ResolvedRule> PolicyOrder { get; } = Comparer<ResolvedRule>.Create((a, b) =>
    {
        var byTime = (a.CreationTimestamp ?? DateTimeOffset.MaxValue).CompareTo(b.CreationTimestamp ?? DateTimeOffset.MaxValue);
        var byNamespace = byTime != 0 ? byTime : string.CompareOrdinal(a.Namespace, b.Namespace);
        return byNamespace != 0 ? byNamespace : string.CompareOrdinal(a.Name, b.Name);
    });
}
