using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ces.Bench.Scenario;

/// <summary>Both runs of one invocation, with the machine and the cluster; prints markdown and serialises to JSON.</summary>
public sealed record ScenarioReport(
    ScenarioOptions Options,
    int Cores,
    string Dotnet,
    string Os,
    int Pods,
    int Namespaces,
    int Rules,
    int ExternalServices,
    int Tenants,
    RunResult Pipeline,
    RunResult? PerEvent)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');
        Line($"## Scenario: {Pods:N0} pods, {Namespaces:N0} namespaces over {Tenants} tenants, {Rules:N0} rules, {ExternalServices:N0} ExternalServices");
        Line();
        Line($"Machine: {Cores} cores, .NET {Dotnet}, {Os}. Device model: {Options.Device}.");
        Line($"Churn mix (weights): pod replaced {Options.Mix.PodReplaced}, endpoint replaced {Options.Mix.EndpointReplaced}, namespace scaled to zero/up {Options.Mix.ScaleToggle}, rule edit {Options.Mix.RuleEdit}, ExternalService edit {Options.Mix.ExternalServiceEdit}; " +
             $"{Options.ChurnDuration.TotalSeconds:0} s per churn phase; drain cap {Options.DrainCap.TotalSeconds:0} s (pipeline), {Options.BaselineDrainCap.TotalSeconds:0} s (per-event).");
        Line();
        Line("| run | phase | changes | fed (s) | drained after (s) | latency n | p50 (s) | p90 (s) | p99 (s) | max (s) | declarations | PATCHes | failed | unacked | CPU (s) | GC 0/1/2 |");
        Line("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var phase in Pipeline.Phases.Concat(PerEvent?.Phases ?? []))
        {
            var l = phase.Latency;
            Line($"| {phase.Mode} | {phase.Phase} | {phase.Changes:N0} | {phase.FeedSeconds:0.0} | {(phase.DrainSeconds is { } d ? d.ToString("0.0", CultureInfo.InvariantCulture) : "cap")} | {l.Count:N0} | {F(l.P50)} | {F(l.P90)} | {F(l.P99)} | {F(l.Max)} | {phase.Declarations:N0} | {phase.FastPathPatches:N0} | {phase.FailedWrites:N0} | {(phase.Unacked < 0 ? "?" : phase.Unacked.ToString("N0", CultureInfo.InvariantCulture))} | {phase.CpuSeconds:0.0} | {phase.Gen0}/{phase.Gen1}/{phase.Gen2} |");
        }
        if (PerEvent is not null)
        {
            Line();
            Line("Per-event latency counting unacknowledged events as (cap end − observed), a lower bound of their latency:");
            Line();
            Line("| phase | events | acked | p50 ≥ (s) | p99 ≥ (s) | max ≥ (s) |");
            Line("|---|---:|---:|---:|---:|---:|");
            foreach (var phase in PerEvent.Phases)
            {
                var b = phase.LatencyLowerBound!;
                Line($"| {phase.Phase} | {phase.Changes:N0} | {phase.Changes - phase.Unacked:N0} | {F(b.P50)} | {F(b.P99)} | {F(b.Max)} |");
            }
            Line();
            Line("Ratios (per-event ÷ pipeline), same changes:");
            Line();
            Line("| phase | device writes needed per-event (= events) | pipeline device writes | writes ratio | p99 per-event (acked only) | p99 per-event (lower bound, all) | p99 pipeline | p99 ratio (lower bound) |");
            Line("|---|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var phase in PerEvent.Phases)
            {
                if (Pipeline.Phases.FirstOrDefault(p => p.Phase == phase.Phase) is not { } ours)
                {
                    continue;
                }
                Line($"| {phase.Phase} | {phase.Changes:N0} | {ours.DeviceWrites:N0} | {Ratio(phase.Changes, ours.DeviceWrites)} | {F(phase.Latency.P99)} | {F(phase.LatencyLowerBound!.P99)} | {F(ours.Latency.P99)} | {Ratio(phase.LatencyLowerBound.P99, ours.Latency.P99)} |");
            }
        }
        Line();
        Line("| run | CPU (s) | peak RSS (MiB) | GC 0/1/2 | tenants on device | declarations stored (total / median / largest) | objects (total / largest tenant) | final state |");
        Line("|---|---:|---:|---:|---:|---|---|---|");
        foreach (var run in new[] { Pipeline, PerEvent }.OfType<RunResult>())
        {
            var s = run.Sizes;
            var state = run.FinalState is { } c
                ? $"{(c.Converged ? "equal" : "DIFFERS")}: {c.TenantsEqual}/{c.Tenants} tenants, {c.AddressListsEqual:N0}/{c.AddressLists:N0} address lists"
                : "not checked (never converges)";
            Line($"| {run.Mode} | {run.CpuSeconds:0.0} | {run.PeakRssMiB:N0} | {run.Gen0}/{run.Gen1}/{run.Gen2} | {s.Tenants} | {Mib(s.TotalBytes)} / {Kib(s.MedianBytes)} / {Kib(s.LargestBytes)} ({s.LargestTenant}) | {s.TotalObjects:N0} / {s.LargestObjects:N0} | {state} |");
        }
        Line();
        foreach (var run in new[] { Pipeline, PerEvent }.OfType<RunResult>())
        {
            Line($"- {run.Mode}: {run.Notes}");
            foreach (var mismatch in run.FinalState?.Mismatches ?? [])
            {
                Line($"  - mismatch: {mismatch}");
            }
        }
        return md.ToString();
    }

    private static string F(double value) => double.IsNaN(value) ? "–" : value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Ratio(double a, double b) => b > 0 && !double.IsNaN(a) && !double.IsNaN(b) ? (a / b).ToString("0.0", CultureInfo.InvariantCulture) + "×" : "–";

    private static string Mib(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MiB";

    private static string Kib(long bytes) => (bytes / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " KiB";
}
