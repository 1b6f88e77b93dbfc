namespace Ces.Grains.Evaluator;

/// <summary>The outcome for a flow: allowed or not, by which action, where it was decided, and every context on the way.</summary>
/// <param name="Action">What the device does: <c>accept</c>, <c>accept-decisively</c>, <c>drop</c> or <c>reject</c>.</param>
/// <param name="Decision">The step that settled the outcome.</param>
/// <param name="Staged">The outcome if every context on the way used its staged policy in place of its enforced one (staged
/// policies are logged, never enforced); null when the flow meets no staged policy.</param>
public sealed record Verdict(
    bool Allowed,
    string Action,
    EvaluationStep Decision,
    IReadOnlyList<EvaluationStep> Chain,
    Verdict? Staged = null);
