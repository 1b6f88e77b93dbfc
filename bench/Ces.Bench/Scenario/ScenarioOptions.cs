namespace Ces.Bench.Scenario;

/// <summary>What one scenario invocation runs: the cluster, the churn phases, the burst, and the per-event baseline's bounds.</summary>
/// <param name="Rates">Changes per second of each sustained churn phase, run one after another.</param>
/// <param name="ChurnDuration">How long each churn phase feeds changes.</param>
/// <param name="BurstSize">Changes applied at once in the burst phase (0: no burst).</param>
/// <param name="DrainCap">Longest wait for the pipeline to converge after feeding stops.</param>
/// <param name="BaselineDrainCap">Longest wait for the per-event writer after feeding stops; it cannot catch up, so this bounds the run.</param>
public sealed record ScenarioOptions(
    ClusterShape Shape,
    IReadOnlyList<int> Rates,
    TimeSpan ChurnDuration,
    int BurstSize,
    TimeSpan DrainCap,
    TimeSpan BaselineDrainCap,
    bool RunBaseline,
    DeviceModel Device,
    ChangeMix Mix);

/// <summary>The simulated BIG-IP's cost model (issue 5): one write at a time at real speed.</summary>
/// <param name="ValidateSchema">Let the simulator run AS3's JSON schema on each declaration (its CPU cost is not part of the model).</param>
public sealed record DeviceModel(TimeSpan DeclarationBase, TimeSpan PerObject, TimeSpan Patch, TimeSpan Save, double Speed, bool ValidateSchema = false)
{
    public static DeviceModel Issue5 { get; } = new(TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(1), 1.0);

    public override string ToString() =>
        $"AS3 declaration {DeclarationBase.TotalSeconds:0.###} s + {PerObject.TotalMilliseconds:0.###} ms per object in the tenants it carries; " +
        $"iControl address-list PATCH {Patch.TotalMilliseconds:0} ms; save sys config {Save.TotalSeconds:0.#} s; one declaration at a time (503 when busy); speed ×{Speed}; simulator schema check {(ValidateSchema ? "on" : "off")}";
}

/// <summary>Relative weights of the kinds of change the churn draws from.</summary>
public sealed record ChangeMix(int PodReplaced = 80, int EndpointReplaced = 10, int ScaleToggle = 6, int RuleEdit = 2, int ExternalServiceEdit = 2)
{
    public int Total => PodReplaced + EndpointReplaced + ScaleToggle + RuleEdit + ExternalServiceEdit;
}
