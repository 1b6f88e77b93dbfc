namespace Ces.Grains.Evaluator;

/// <summary>The enforced and staged policy of one AFM context; either may be missing.</summary>
internal sealed record ContextPolicies(CompiledPolicy? Enforced, CompiledPolicy? Staged)
{
    public static ContextPolicies None { get; } = new(null, null);

    /// <summary>The policy a walk uses: the staged one in a staged walk where one is bound, else the enforced one.</summary>
    public CompiledPolicy? For(bool staged) => staged ? Staged ?? Enforced : Enforced;
}
