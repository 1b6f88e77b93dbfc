namespace Ces.Grains.Explain;

/// <summary>One AFM context on the flow's way: the policy, rule list and rule that matched, and what happened next.</summary>
/// <param name="Context"><c>global</c>, <c>route-domain</c> or <c>virtual-server</c>.</param>
/// <param name="ContextName"><c>global</c>, the route domain's path, or the virtual server's path.</param>
/// <param name="Action">The matched rule's action, or <c>no-match</c>, <c>no-policy</c>, <c>no-listener</c>.</param>
/// <param name="Outcome"><c>next context</c>, <c>allow</c> or <c>deny</c>.</param>
/// <param name="Rule">The CES object the matched AFM rule came from; null for no match and the deny-all.</param>
/// <param name="Reason">One sentence for people.</param>
public sealed record ExplainedStep(
    string Context,
    string ContextName,
    string? Policy,
    string? RuleList,
    string? AfmRule,
    string Action,
    string Outcome,
    ExplainedRule? Rule,
    string Reason);
