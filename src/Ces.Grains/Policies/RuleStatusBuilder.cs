using Ces.Abstractions.Api;
using Ces.Abstractions.Collections;
using Ces.Abstractions.Messages;
using Ces.Grains.Compiler;

namespace Ces.Grains.Policies;

/// <summary>Builds a rule's status: CES's phase plus Accepted and Programmed conditions that move only when they flip.</summary>
public static class RuleStatusBuilder
{
    public const string Accepted = "Accepted";
    public const string Programmed = "Programmed";

    public static EgressRuleStatus Syncing(EgressRuleStatus? previous, long generation, string device, DateTimeOffset now) =>
        Build(previous, RulePhase.Syncing, "Syncing", "waiting for the device", generation, device, previous?.SourceAddresses, previous?.DestinationAddresses, now,
            accepted: true, programmed: previous?.Phase == RulePhase.Success);

    public static EgressRuleStatus Rejected(EgressRuleStatus? previous, RuleOutcome outcome, long generation, string device, DateTimeOffset now) =>
        Build(previous, RulePhase.Failed, ReasonOf(outcome.Kind), outcome.Message, generation, device, null, null, now,
            accepted: false, programmed: false);

    public static EgressRuleStatus FromReport(EgressRuleStatus? previous, PolicyReport report, long generation) =>
        Build(previous, report.Phase, report.Reason, report.Message, generation, report.Device, report.SourceAddresses, report.DestinationAddresses, report.At,
            accepted: true, programmed: report.Phase == RulePhase.Success && report.Reason == "Programmed");

    public static string ReasonOf(RuleOutcomeKind kind) => kind switch
    {
        RuleOutcomeKind.Programmed => "Programmed",
        RuleOutcomeKind.Invalid => "InvalidSpec",
        RuleOutcomeKind.NoSources => "NoSources",
        RuleOutcomeKind.NoDestinations => "ExternalServiceNotFound",
        _ => "NamespaceNotMapped",
    };

    private static EgressRuleStatus Build(
        EgressRuleStatus? previous, string phase, string reason, string message, long generation, string device,
        int? sources, int? destinations, DateTimeOffset now, bool accepted, bool programmed)
    {
        var conditions = new[]
        {
            Condition(previous, Accepted, accepted, accepted ? "Valid" : reason, accepted ? "the spec is valid" : message, generation, now),
            Condition(previous, Programmed, programmed, reason, message, generation, now),
        };
        return new EgressRuleStatus(phase, generation, reason, message, device, sources, destinations, [.. conditions]);
    }

    private static Condition Condition(EgressRuleStatus? previous, string type, bool value, string reason, string message, long generation, DateTimeOffset now)
    {
        var status = value ? "True" : "False";
        var before = previous?.Conditions.FirstOrDefault(c => c.Type == type);
        var since = before is not null && before.Status == status ? before.LastTransitionTime : now;
        return new Condition(type, status, reason, message, since, generation);
    }
}
