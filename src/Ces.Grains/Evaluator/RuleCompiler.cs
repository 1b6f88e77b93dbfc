namespace Ces.Grains.Evaluator;

/// <summary>Compiles rules and policies, sharing the sets of identical rule sides so 20k rules cost little memory.</summary>
internal sealed class RuleCompiler(FirewallConfig config, ProtocolIds protocols, ICollection<string> warnings)
{
    private readonly ListFlattener _lists = new(config, warnings);
    private readonly Dictionary<string, AddressSet> _addressSets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PortSet> _portSets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CompiledRule[]> _ruleLists = new(StringComparer.Ordinal);

    public Dictionary<string, CompiledPolicy> Policies()
    {
        foreach (var list in config.RuleLists)
        {
            _ruleLists[list.Path] = [.. list.Rules.Select(rule => Compile(rule, list.Path))];
        }
        var policies = new Dictionary<string, CompiledPolicy>(StringComparer.Ordinal);
        foreach (var policy in config.Policies)
        {
            policies[policy.Path] = new CompiledPolicy(policy.Path, [.. policy.Entries.SelectMany(entry => Expand(entry, policy.Path))]);
        }
        return policies;
    }

    private IEnumerable<CompiledRule> Expand(FirewallPolicyEntry entry, string policy)
    {
        if (entry.Rule is { } inline)
        {
            return [Compile(inline, null)];
        }
        if (entry.RuleList is { } path && _ruleLists.TryGetValue(path, out var rules))
        {
            return rules;
        }
        warnings.Add($"policy {policy}: rule list {entry.RuleList} does not exist; skipped");
        return [];
    }

    private CompiledRule Compile(FirewallRule rule, string? ruleList) => new(
        rule.Name,
        rule.Action,
        ruleList,
        protocols.Intern(rule.Protocol),
        AddressSetOf(rule.Source, rule.Name),
        AddressSetOf(rule.Destination, rule.Name),
        PortSetOf(rule.Source, rule.Name),
        PortSetOf(rule.Destination, rule.Name));

    private AddressSet AddressSetOf(FirewallRuleEnd end, string rule)
    {
        if (!end.HasAddresses)
        {
            return AddressSet.All;
        }
        var key = string.Join('\n', end.AddressLists) + "\n\n" + string.Join('\n', end.Addresses);
        if (!_addressSets.TryGetValue(key, out var set))
        {
            var lists = end.AddressLists.Select(_lists.Addresses).ToList();
            var ranges = lists.SelectMany(l => l.Ranges).Concat(_lists.ParseAddresses(end.Addresses, $"rule {rule}"));
            _addressSets[key] = set = new AddressSet(ranges, lists.SelectMany(l => l.Fqdns));
        }
        return set;
    }

    private PortSet PortSetOf(FirewallRuleEnd end, string rule)
    {
        if (!end.HasPorts)
        {
            return PortSet.All;
        }
        var key = string.Join('\n', end.PortLists) + "\n\n" + string.Join('\n', end.Ports);
        if (!_portSets.TryGetValue(key, out var set))
        {
            var ranges = end.PortLists.SelectMany(_lists.Ports).Concat(_lists.ParsePorts(end.Ports, $"rule {rule}"));
            _portSets[key] = set = new PortSet([.. ranges], false);
        }
        return set;
    }
}
