namespace Ces.Bench.Scenario;

/// <summary>One phase of one run (pipeline or per-event), as reported in the table and the JSON.</summary>
/// <param name="Changes">Source events fed in this phase.</param>
/// <param name="Latency">Pipeline: every <c>ces.convergence.duration</c> sample (one per change reaching a partition). Per-event: acknowledged events only.</param>
/// <param name="LatencyLowerBound">Per-event only: percentiles over all events, counting an unacknowledged one as (cap end − observed), a lower bound of its latency.</param>
/// <param name="DrainSeconds">From the end of feeding until converged; null when the cap passed first.</param>
/// <param name="Declarations">AS3 declarations sent (each may carry several tenants).</param>
/// <param name="FastPathPatches">iControl address-list PATCHes sent.</param>
/// <param name="Unacked">Events never acknowledged (per-event run at its drain cap); 0 for a converged pipeline.</param>
public sealed record PhaseResult(
    string Mode,
    string Phase,
    int Rate,
    long Changes,
    double FeedSeconds,
    double? DrainSeconds,
    LatencySummary Latency,
    LatencySummary? LatencyLowerBound,
    long Declarations,
    long FastPathPatches,
    long FailedWrites,
    long Unacked,
    long SourceApplies,
    double SourceApplyMeanMs,
    long Batches,
    double MeanBatch,
    double CpuSeconds,
    int Gen0,
    int Gen1,
    int Gen2)
{
    public long DeviceWrites => Declarations + FastPathPatches;
}
