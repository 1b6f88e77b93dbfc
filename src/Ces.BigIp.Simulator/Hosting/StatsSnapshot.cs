namespace Ces.BigIp.Simulator.Hosting;

/// The simulator's counters at one moment (also served at GET /ces-sim/stats).
public sealed record StatsSnapshot(
    long Requests,
    long DeclarationsApplied,
    long DeclarationsRejected,
    long Busy503,
    long FaultsInjected,
    long Saves,
    long Patches,
    long Logins,
    int MaxConcurrentDeclarations);
