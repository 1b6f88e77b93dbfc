using Ces.Abstractions.Api;
using Ces.Abstractions.Collections;
using Orleans;

namespace Ces.Abstractions.Messages;

/// <summary>A rule's whole current value: the rule and the ExternalServices found for the names it lists.</summary>
/// <param name="ObservedAt">When the source reported the change that made this value (for convergence time).</param>
[GenerateSerializer, Immutable, Alias("ces.PolicySpec")]
public sealed record PolicySpec(EgressRule Rule, EquatableArray<ExternalService> ExternalServices, DateTimeOffset ObservedAt);
