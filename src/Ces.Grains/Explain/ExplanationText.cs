using System.Text;

namespace Ces.Grains.Explain;

/// <summary>An explanation as text for people: the verdict first, then the chain, the staged outcome, notes and drift.</summary>
public static class ExplanationText
{
    public static string Format(Explanation explanation)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        var text = new StringBuilder();
        var source = explanation.Source;
        var who = source.Pod is null ? source.Ip : $"{source.Namespace}/{source.Pod} ({source.Ip})";
        text.Append(explanation.Verdict.ToUpperInvariant()).Append("  ").Append(who).Append(" → ").Append(explanation.Destination).AppendLine();
        text.Append("  source: namespace ").Append(source.Namespace ?? "(none)").Append(", tenant ").Append(source.Tenant ?? "(none)")
            .Append(", route domain ").Append(source.RouteDomain).AppendLine();
        text.Append("  decided in the ").Append(explanation.Decision.Context).Append(" context: ").AppendLine(explanation.Decision.Reason);
        text.AppendLine().AppendLine("Chain:");
        AppendChain(text, explanation.Chain);
        var staged = explanation.Staged;
        text.AppendLine().Append("Staged: ").Append(staged.Verdict);
        if (!staged.MetStaged)
        {
            text.AppendLine(" (no staged policy on the way; same as enforced)");
        }
        else
        {
            text.AppendLine(staged.Differs ? " (DIFFERS: enforcing the staged rules would change the verdict)" : " (same verdict)");
            AppendChain(text, staged.Chain);
        }
        foreach (var note in explanation.Notes)
        {
            text.Append("Note: ").AppendLine(note);
        }
        if (explanation.Drift is { } drift)
        {
            text.Append("Device: ").Append(drift.Status).Append(drift.DeviceVerdict is null ? "" : $" (device says {drift.DeviceVerdict})").AppendLine();
            foreach (var detail in drift.Details)
            {
                text.Append("  ").AppendLine(detail);
            }
        }
        return text.ToString();
    }

    private static void AppendChain(StringBuilder text, IReadOnlyList<ExplainedStep> chain)
    {
        for (var i = 0; i < chain.Count; i++)
        {
            var step = chain[i];
            text.Append("  ").Append(i + 1).Append(". ").Append(step.Context)
                .Append(step.ContextName == step.Context ? "" : " " + step.ContextName).Append(": ").Append(step.Action).Append(" → ").AppendLine(step.Outcome);
            if (step.Policy is not null)
            {
                text.Append("     policy    ").AppendLine(step.Policy);
            }
            if (step.RuleList is not null)
            {
                text.Append("     rule list ").AppendLine(step.RuleList);
                text.Append("     rule      ").AppendLine(step.AfmRule);
            }
            text.Append("     ").AppendLine(step.Reason);
        }
    }
}
