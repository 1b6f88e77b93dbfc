namespace Ces.Grains.Explain;

/// <summary>The answer to "can this source reach that destination": the verdict, why, and what it compiled to.</summary>
/// <param name="Verdict"><c>allow</c> or <c>deny</c>.</param>
/// <param name="Action">The AFM action that settled it: <c>accept</c>, <c>accept-decisively</c>, <c>drop</c> or <c>reject</c>.</param>
/// <param name="Decision">The context step that settled it, with the CES object behind the matched AFM rule.</param>
/// <param name="Chain">Every context the flow met, in AFM's order (global, route domain, virtual server).</param>
/// <param name="Staged">The outcome if the staged policies were enforced.</param>
/// <param name="Notes">Caveats a reader needs: how an FQDN was matched, an unknown source, and the like.</param>
/// <param name="Drift">Whether the device agrees, when explained against a running CES; null offline.</param>
public sealed record Explanation(
    string Verdict,
    string Action,
    ExplainedSource Source,
    ExplainedDestination Destination,
    ExplainedStep Decision,
    IReadOnlyList<ExplainedStep> Chain,
    StagedExplanation Staged,
    IReadOnlyList<string> Notes,
    DriftReport? Drift = null)
{
    public const string Allow = "allow";
    public const string Deny = "deny";

    public static string VerdictOf(bool allowed) => allowed ? Allow : Deny;
}
