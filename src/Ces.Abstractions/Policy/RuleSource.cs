using Ces.Abstractions.Collections;
using Orleans;

namespace Ces.Abstractions.Policy;

/// <summary>Where a rule's traffic comes from: a named source address list, or any source.</summary>
/// <param name="ListName">Null means any source (only cluster rules, and only when configured so).</param>
[GenerateSerializer, Immutable, Alias("ces.RuleSource")]
public sealed record RuleSource(string? ListName, EquatableArray<string> Addresses)
{
    public static RuleSource Any { get; } = new(null, []);
}
