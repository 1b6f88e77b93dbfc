using Ces.Abstractions.Collections;

namespace Ces.Abstractions.Afm;

/// <summary>One BIG-IP partition's desired AFM objects, all in its <c>Shared</c> application; what AS3 is told to make.</summary>
/// <param name="DefaultRouteDomain">The tenant's <c>defaultRouteDomain</c>; null for Common and outside route-domain mode.</param>
/// <param name="Logging">The security logging objects, when logging is configured.</param>
public sealed record AfmTenant(
    string Name,
    int? DefaultRouteDomain,
    EquatableArray<AfmAddressList> AddressLists,
    EquatableArray<AfmPortList> PortLists,
    EquatableArray<AfmRuleList> RuleLists,
    EquatableArray<AfmPolicy> Policies,
    AfmPool GatewayPool,
    AfmVirtualAddress VirtualAddress,
    AfmVirtualServer VirtualServer,
    AfmLogging? Logging)
{
    public const string Application = "Shared";

    /// <summary>How many objects AS3 handles for this tenant (lists, rules, policies, services): what a declaration costs.</summary>
    public int ObjectCount =>
        AddressLists.Count + PortLists.Count + RuleLists.Count + RuleLists.Sum(l => l.Rules.Count) + Policies.Count + 3 + (Logging is null ? 0 : 4);

    /// <summary>The AS3 path of an object in this tenant's Shared application.</summary>
    public string PathOf(string item) => $"/{Name}/{Application}/{item}";
}
