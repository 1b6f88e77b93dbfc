namespace Ces.Grains.Explain;

/// <summary>Whether the device's actual state agrees with CES's desired state for this question.</summary>
/// <param name="Status"><c>in-sync</c>, <c>drift</c>, or <c>unknown</c> (the device could not be asked).</param>
/// <param name="DeviceVerdict">The device's own answer, when it can evaluate a flow (the simulator can).</param>
/// <param name="Details">What was compared and what differed.</param>
public sealed record DriftReport(string Status, string? DeviceVerdict, IReadOnlyList<string> Details)
{
    public const string InSync = "in-sync";
    public const string Drifted = "drift";
    public const string Unknown = "unknown";
}
