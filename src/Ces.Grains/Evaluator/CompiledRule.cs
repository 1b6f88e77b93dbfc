namespace Ces.Grains.Evaluator;

/// <summary>A rule with its lists flattened into numeric sets; shared by every policy that uses its rule list.</summary>
/// <param name="RuleList">The rule list it came from, or null for a rule inline in a policy.</param>
internal sealed class CompiledRule(
    string name,
    string action,
    string? ruleList,
    int protocol,
    AddressSet source,
    AddressSet destination,
    PortSet sourcePorts,
    PortSet destinationPorts)
{
    public string Name => name;

    public string Action => action;

    public string? RuleList => ruleList;

    public AddressSet Destination => destination;

    /// <summary>Cheapest checks first: most rules fail on protocol, port or destination.</summary>
    public bool Matches(in FlowKey flow, FqdnTable fqdns) =>
        (protocol == ProtocolIds.Any || protocol == flow.Protocol)
        && destinationPorts.Contains(flow.Port)
        && sourcePorts.Contains(flow.SourcePort)
        && destination.Contains(flow.Destination, flow.RouteDomain, fqdns)
        && source.Contains(flow.Source, flow.RouteDomain, fqdns);
}
