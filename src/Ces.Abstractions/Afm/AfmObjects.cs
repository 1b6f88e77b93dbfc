using Ces.Abstractions.Collections;

namespace Ces.Abstractions.Afm;

/// <summary>A <c>Firewall_Address_List</c>: numeric entries (IP, CIDR, range) and DNS names resolved by AFM.</summary>
public sealed record AfmAddressList(string Name, EquatableArray<string> Addresses, EquatableArray<string> Fqdns);

/// <summary>A <c>Firewall_Port_List</c>: ports and ranges as strings (<c>"53"</c>, <c>"8080-8090"</c>).</summary>
public sealed record AfmPortList(string Name, EquatableArray<string> Ports);

/// <summary>A <c>Firewall_Rule_List</c>: one rule per port group of one ExternalService of one egress rule.</summary>
public sealed record AfmRuleList(string Name, EquatableArray<AfmRule> Rules);

/// <summary>A <c>Firewall_Rule</c>. Lists are AS3 paths; an empty source matches any source.</summary>
/// <param name="Protocol">Null means AS3's default, any protocol.</param>
/// <param name="IRule">A <c>bigip</c> path of a bandwidth iRule, or null.</param>
public sealed record AfmRule(
    string Name,
    string Action,
    string? Protocol,
    bool LoggingEnabled,
    string? IRule,
    EquatableArray<string> SourceAddressLists,
    EquatableArray<string> DestinationAddressLists,
    EquatableArray<string> DestinationPortLists);

/// <summary>A <c>Firewall_Policy</c> made of rule-list references, in evaluation order.</summary>
public sealed record AfmPolicy(string Name, EquatableArray<string> RuleLists);

/// <summary>A <c>Pool</c>: the outbound gateways, or the remote log collectors.</summary>
public sealed record AfmPool(string Name, EquatableArray<AfmPoolMember> Members, EquatableArray<string> Monitors);

/// <summary>One pool member: addresses on one port.</summary>
public sealed record AfmPoolMember(EquatableArray<string> ServerAddresses, int ServicePort);

/// <summary>The outbound <c>Service_Address</c> (CES's <c>_outbound_va</c>).</summary>
public sealed record AfmVirtualAddress(string Name, string Address, string IcmpEcho, bool ArpEnabled);

/// <summary>The outbound wildcard virtual server that enforces the service-scope policy.</summary>
/// <param name="TemplateJson">Canonical JSON of a custom Service body from the config, whose other properties pass through.</param>
/// <param name="LogProfile">The security log profile path, when logging is configured.</param>
/// <param name="StagedPolicyPath">The staged service policy (<c>policyFirewallStaged</c>), when the tenant has staged service rules.</param>
public sealed record AfmVirtualServer(
    string Name,
    string VirtualAddressPath,
    string Pool,
    string EnforcedPolicyPath,
    string? LogProfile,
    string? TemplateJson,
    string? StagedPolicyPath = null);

/// <summary>Security logging: the template's objects (canonical JSON, keyed by name) and the log collector pool.</summary>
public sealed record AfmLogging(string ObjectsJson, AfmPool Pool);

/// <summary>A policy the device must bind outside AS3 (ces-behaviour.md §4.7): the global context or a route domain.</summary>
/// <param name="RouteDomainPath">The route domain, e.g. <c>/p2/rd2</c>; null for the global context.</param>
/// <param name="Staged">Binds the context's staged policy (<c>fwStagedPolicy</c>, <c>stagedPolicy</c>) instead of its enforced one.</param>
[Orleans.GenerateSerializer, Orleans.Immutable, Orleans.Alias("ces.ContextBinding")]
public sealed record ContextBinding(ContextBindingKind Kind, string? RouteDomainPath, string PolicyPath, bool Staged = false);

/// <summary>Which AFM context a <see cref="ContextBinding"/> targets.</summary>
public enum ContextBindingKind
{
    Global,
    RouteDomain,
}
