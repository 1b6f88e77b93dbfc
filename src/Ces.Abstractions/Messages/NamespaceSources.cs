using Ces.Abstractions.Collections;
using Orleans;

namespace Ces.Abstractions.Messages;

/// <summary>What a namespace contributes to its partition: its source addresses and each Service's endpoints.</summary>
/// <param name="Addresses">Pod IPs, or Kube-OVN CIDRs, by the configured namespace source; empty when none are known.</param>
[GenerateSerializer, Immutable, Alias("ces.NamespaceSources")]
public sealed record NamespaceSources(string Namespace, EquatableArray<string> Addresses, EquatableArray<ServiceEndpoints> Services, DateTimeOffset ObservedAt);
