using Ces.Abstractions.Collections;

namespace Ces.Grains.Evaluator;

/// <summary>One side (source or destination) of an AFM rule: list references and inline entries; all empty matches any.</summary>
public sealed record FirewallRuleEnd(
    EquatableArray<string> AddressLists = default,
    EquatableArray<string> Addresses = default,
    EquatableArray<string> PortLists = default,
    EquatableArray<string> Ports = default)
{
    /// <summary>No constraint: any address, any port.</summary>
    public static FirewallRuleEnd Any { get; } = new();

    public bool HasAddresses => !AddressLists.IsEmpty || !Addresses.IsEmpty;

    public bool HasPorts => !PortLists.IsEmpty || !Ports.IsEmpty;
}
