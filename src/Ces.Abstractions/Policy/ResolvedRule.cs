namespace Ces.Abstractions.Policy;

/// <summary>A rule ready to compile: its definition and its bound sources.</summary>
public sealed record ResolvedRule(RuleDefinition Definition, RuleSource Source)
{
    /// <summary>Policy order: oldest first (unknown creation time last), then by namespace and name, ordinally.</summary>
    /// <remarks>CES 0.5 kept the order rule lists first reached the device in, which a rebuild cannot know.</remarks>
    public static IComparer<ResolvedRule> PolicyOrder { get; } = Comparer<ResolvedRule>.Create((a, b) =>
    {
        var (x, y) = (a.Definition, b.Definition);
        var byTime = (x.CreationTimestamp ?? DateTimeOffset.MaxValue).CompareTo(y.CreationTimestamp ?? DateTimeOffset.MaxValue);
        var byNamespace = byTime != 0 ? byTime : string.CompareOrdinal(x.Namespace, y.Namespace);
        return byNamespace != 0 ? byNamespace : string.CompareOrdinal(x.Name, y.Name);
    });
}
