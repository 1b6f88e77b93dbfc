namespace Ces.BigIp.Simulator.State;

/// A logging object (Security_Log_Profile, Log_Publisher, Log_Destination) kept by path and class only.
public sealed record LogObjectState(string Path, string Class);
