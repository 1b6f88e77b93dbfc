namespace Ces.BigIp.Simulator.State;

/// One rule of a rule list; `RuleList` is set when a policy entry points at a whole rule list instead.
public sealed record FirewallRuleState(
    string Name,
    string Action,
    string Protocol,
    RuleEndpointState Source,
    RuleEndpointState Destination,
    bool Log,
    string? IRule,
    string? RuleList);
