using Ces.Abstractions.Collections;

namespace Ces.BigIp.Simulator.State;

/// A `security firewall rule-list`, rules in evaluation order.
public sealed record RuleListState(string Path, EquatableArray<FirewallRuleState> Rules);
