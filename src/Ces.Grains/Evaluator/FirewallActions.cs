namespace Ces.Grains.Evaluator;

/// <summary>AFM rule actions and what each does to evaluation.</summary>
public static class FirewallActions
{
    public const string Accept = "accept";
    public const string AcceptDecisively = "accept-decisively";
    public const string Drop = "drop";
    public const string Reject = "reject";

    /// <summary>Whether the action ends evaluation (skips the later contexts).</summary>
    public static bool IsFinal(string action) => action is not Accept;

    public static bool Allows(string action) => action is Accept or AcceptDecisively;
}
