using Ces.Abstractions.Api;
using Ces.Abstractions.Collections;
using Orleans;

namespace Ces.Abstractions.Policy;

/// <summary>A valid egress rule with its ExternalServices resolved; its sources are bound later, where they are known.</summary>
/// <param name="Service">The Service whose endpoints are the source (service rules only).</param>
/// <param name="SourceListName">The source address list's name; null when the rule matches any source.</param>
/// <param name="Staged">Whether the rule is staged (<c>spec.mode: staged</c>): compiled into staged policies, logged, never enforced.</param>
[GenerateSerializer, Immutable, Alias("ces.RuleDefinition")]
public sealed record RuleDefinition(
    EgressScope Scope,
    ObjectRef Ref,
    string Action,
    bool Logging,
    DateTimeOffset? CreationTimestamp,
    EquatableArray<Destination> Destinations,
    string? Service,
    string? SourceListName,
    bool Staged = false)
{
    public string Namespace => Ref.Namespace;

    public string Name => Ref.Name;

    public int DestinationAddressCount => Destinations.Sum(d => d.AddressCount);
}
