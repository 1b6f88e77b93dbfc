namespace Ces.Grains.Evaluator;

/// <summary>One entry of a policy: a reference to a rule list, or an inline rule.</summary>
public sealed record FirewallPolicyEntry(string? RuleList, FirewallRule? Rule)
{
    public static FirewallPolicyEntry ListOf(string ruleListPath) => new(ruleListPath, null);

    public static FirewallPolicyEntry Inline(FirewallRule rule) => new(null, rule);
}
