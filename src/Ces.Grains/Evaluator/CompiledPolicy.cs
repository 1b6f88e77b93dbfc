namespace Ces.Grains.Evaluator;

/// <summary>A policy as one ordered array of rules, its rule lists expanded in place.</summary>
internal sealed class CompiledPolicy(string path, CompiledRule[] rules)
{
    public string Path => path;

    public int RuleCount => rules.Length;

    /// <summary>The first matching rule, or null.</summary>
    public CompiledRule? FirstMatch(in FlowKey flow, FqdnTable fqdns)
    {
        foreach (var rule in rules)
        {
            if (rule.Matches(flow, fqdns))
            {
                return rule;
            }
        }
        return null;
    }
}
