namespace Ces.BigIp.Simulator.State;

/// An `ltm virtual-address` from a Service_Address item.
public sealed record VirtualAddressState(string Path, string Address);
