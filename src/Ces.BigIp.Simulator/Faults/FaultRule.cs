namespace Ces.BigIp.Simulator.Faults;

/// One scripted fault for the next request whose path starts with <see cref="PathPrefix"/> (any path when null).
public sealed record FaultRule(FaultKind Kind, string? PathPrefix = null)
{
    public bool Matches(string path) => PathPrefix is null || path.StartsWith(PathPrefix, StringComparison.OrdinalIgnoreCase);
}
