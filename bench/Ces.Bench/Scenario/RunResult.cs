namespace Ces.Bench.Scenario;

/// <summary>One whole run (pipeline or per-event): its phases, process cost, device footprint and final-state check.</summary>
public sealed record RunResult(
    string Mode,
    IReadOnlyList<PhaseResult> Phases,
    double CpuSeconds,
    double PeakRssMiB,
    int Gen0,
    int Gen1,
    int Gen2,
    DeclarationSizes Sizes,
    StateCheckResult? FinalState,
    string Notes);

/// <summary>What AS3 stored per tenant at the end: bytes of the tenant object and objects charged by the latency model.</summary>
public sealed record DeclarationSizes(int Tenants, long TotalBytes, long LargestBytes, string LargestTenant, long TotalObjects, int LargestObjects, long MedianBytes);
