using Ces.Abstractions.Afm;
using Ces.Abstractions.Policy;
using Ces.Abstractions.Validation;
using Ces.Grains.Compiler;

namespace Ces.Grains.Explain;

/// <summary>Maps AFM rule lists and rules back to the CES objects they were compiled from.</summary>
/// <remarks>Built from the compiler's resolved rules with the naming grammar, rather than by parsing names, which may contain '_'.</remarks>
public sealed class RuleOrigins
{
    private readonly Dictionary<string, (RuleDefinition Rule, Destination Destination)> _byRuleList = new(StringComparer.Ordinal);

    public RuleOrigins(CompileResult result, As3Names names)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(names);
        foreach (var state in result.States)
        {
            foreach (var rule in state.Rules.Select(r => r.Definition))
            {
                foreach (var destination in rule.Destinations)
                {
                    var list = names.RuleList(rule.Scope, rule.Namespace, rule.Name, destination.Name);
                    _byRuleList[As3NameRules.Path(state.Tenant.Name, AfmTenant.Application, list)] = (rule, destination);
                }
            }
        }
    }

    /// <summary>The CES rule, ExternalService and port group behind an AFM rule; null for lists CES does not own (the deny-all).</summary>
    public ExplainedRule? Find(string? ruleListPath, string? afmRule)
    {
        if (ruleListPath is null || afmRule is null || !_byRuleList.TryGetValue(ruleListPath, out var origin))
        {
            return null;
        }
        var (rule, destination) = origin;
        var group = destination.PortGroups.FirstOrDefault(g => As3Names.FirewallRule(rule.Action, destination.Name, g.Key) == afmRule);
        return new ExplainedRule(
            rule.Ref.Kind, rule.Namespace, rule.Name, rule.Staged ? "staged" : "enforce",
            $"{destination.Namespace}/{destination.Name}", group?.Key ?? "?", group?.Protocol, [.. group?.Ports ?? []]);
    }
}
