using Ces.Abstractions.Afm;

namespace Ces.Grains.Compiler;

/// <summary>What to do about one context binding, given the policy the device has bound there now.</summary>
public enum ContextBindingAction
{
    /// <summary>Nothing is bound: bind ours.</summary>
    Bind,

    /// <summary>Ours is bound already: nothing to send.</summary>
    AlreadyBound,

    /// <summary>Another policy is bound: leave it and report the conflict (CES 0.5 replaced it silently, bug 18).</summary>
    Conflict,
}

/// <summary>Decides whether a context binding may be written without displacing someone else's policy.</summary>
public static class ContextBindingDecision
{
    public static ContextBindingAction Decide(ContextBinding desired, string? boundPolicy) =>
        string.IsNullOrEmpty(boundPolicy) || boundPolicy == "none" ? ContextBindingAction.Bind
        : string.Equals(boundPolicy, desired.PolicyPath, StringComparison.Ordinal) ? ContextBindingAction.AlreadyBound
        : ContextBindingAction.Conflict;
}
