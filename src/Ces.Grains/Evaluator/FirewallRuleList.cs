using Ces.Abstractions.Collections;

namespace Ces.Grains.Evaluator;

/// <summary>An AFM rule list: rules in evaluation order.</summary>
public sealed record FirewallRuleList(string Path, EquatableArray<FirewallRule> Rules);
