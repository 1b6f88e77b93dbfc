using Ces.Abstractions.Collections;

namespace Ces.BigIp.Simulator.State;

/// An `ltm virtual` made from a Service_* item, with its firewall attachments.
public sealed record VirtualServerState(
    string Path,
    string Class,
    EquatableArray<string> Addresses,
    int Port,
    string Layer4,
    string? FwEnforcedPolicy,
    string? FwStagedPolicy,
    EquatableArray<string> SecurityLogProfiles,
    string? Pool);
