using Ces.Abstractions.Collections;

namespace Ces.Grains.Evaluator;

/// <summary>An AFM policy: entries in evaluation order; the first matching rule wins.</summary>
public sealed record FirewallPolicy(string Path, EquatableArray<FirewallPolicyEntry> Entries);
