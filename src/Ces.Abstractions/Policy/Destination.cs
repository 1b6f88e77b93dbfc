using Ces.Abstractions.Collections;
using Orleans;

namespace Ces.Abstractions.Policy;

/// <summary>A validated ExternalService: numeric addresses, DNS names and port groups sorted by key.</summary>
[GenerateSerializer, Immutable, Alias("ces.Destination")]
public sealed record Destination(
    string Namespace,
    string Name,
    EquatableArray<string> Addresses,
    EquatableArray<string> Fqdns,
    EquatableArray<PortGroup> PortGroups)
{
    public int AddressCount => Addresses.Count + Fqdns.Count;
}
