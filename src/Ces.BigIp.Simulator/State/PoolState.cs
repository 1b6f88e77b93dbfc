using Ces.Abstractions.Collections;

namespace Ces.BigIp.Simulator.State;

/// An `ltm pool`; members read `address:port`.
public sealed record PoolState(string Path, EquatableArray<string> Members);
