namespace Ces.Grains.Evaluator;

/// <summary>What happened to a flow in one context: the rule that matched and its action, or why none did.</summary>
/// <param name="ContextName"><c>global</c>, the route domain's path, or the virtual server's path.</param>
/// <param name="Action">The matched rule's action, or <see cref="NoMatch"/>, <see cref="NoPolicy"/>, <see cref="NoListener"/>.</param>
public sealed record EvaluationStep(
    ContextKind Context,
    string ContextName,
    string? PolicyPath,
    string? RuleListPath,
    string? RuleName,
    string Action)
{
    public const string NoMatch = "no-match";
    public const string NoPolicy = "no-policy";
    public const string NoListener = "no-listener";

    /// <summary>The context name of the step reported when no virtual server listens for the flow.</summary>
    public const string NoVirtualServer = "none";

    public bool Matched => RuleName is not null;
}
