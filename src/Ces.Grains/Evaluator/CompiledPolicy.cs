namespace Ces.Grains.Evaluator;

/// <summary>A policy as one ordered array of rules, its rule lists expanded in place, with a destination index over them.</summary>
internal sealed class CompiledPolicy(string path, CompiledRule[] rules)
{
    private readonly DestinationIndex _index = new(rules);

    public string Path => path;

    public int RuleCount => rules.Length;

    /// <summary>The first matching rule, or null; only the rules the index names for the destination are checked.</summary>
    public CompiledRule? FirstMatch(in FlowKey flow, FqdnTable fqdns)
    {
        var candidates = _index.Candidates(flow.Destination);
        while (candidates.MoveNext())
        {
            var rule = rules[candidates.Current];
            if (rule.Matches(flow, fqdns))
            {
                return rule;
            }
        }
        return null;
    }
}
