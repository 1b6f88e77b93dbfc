using Ces.Abstractions.Collections;

namespace Ces.BigIp.Simulator.State;

/// A `security firewall policy`; `RouteDomains` are the route domains AS3 binds it to (routeDomainEnforcement).
public sealed record PolicyState(string Path, EquatableArray<FirewallRuleState> Rules, EquatableArray<string> RouteDomains);
