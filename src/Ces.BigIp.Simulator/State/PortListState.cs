using Ces.Abstractions.Collections;

namespace Ces.BigIp.Simulator.State;

/// A `security firewall port-list`: single ports and ranges as strings, plus nested lists.
public sealed record PortListState(string Path, EquatableArray<string> Ports, EquatableArray<string> PortLists);
