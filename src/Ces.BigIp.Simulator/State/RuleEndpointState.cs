using Ces.Abstractions.Collections;

namespace Ces.BigIp.Simulator.State;

/// The source or destination side of a firewall rule.
public sealed record RuleEndpointState(
    EquatableArray<string> Addresses,
    EquatableArray<string> AddressLists,
    EquatableArray<string> Ports,
    EquatableArray<string> PortLists,
    EquatableArray<string> Vlans)
{
    public static RuleEndpointState Any { get; } = new([], [], [], [], []);
}
