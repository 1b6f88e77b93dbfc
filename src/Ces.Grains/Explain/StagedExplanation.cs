namespace Ces.Grains.Explain;

/// <summary>The outcome if the staged policies were enforced (staged rules are logged on the device, never enforced).</summary>
/// <param name="MetStaged">Whether the flow met any staged policy; when not, this repeats the enforced outcome.</param>
/// <param name="Differs">Whether promoting the staged rules would change the verdict.</param>
public sealed record StagedExplanation(
    string Verdict,
    string Action,
    bool MetStaged,
    bool Differs,
    ExplainedStep Decision,
    IReadOnlyList<ExplainedStep> Chain);
