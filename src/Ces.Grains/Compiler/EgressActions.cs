namespace Ces.Grains.Compiler;

/// <summary>The actions a rule may take, as the CRD enum and AFM spell them.</summary>
public static class EgressActions
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { "accept", "accept-decisively", "drop", "reject" };
}
