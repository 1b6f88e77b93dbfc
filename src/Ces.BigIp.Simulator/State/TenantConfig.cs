using Ces.Abstractions.Collections;

namespace Ces.BigIp.Simulator.State;

/// Everything AS3 materialised in one tenant's partition; every list is sorted by path so equal config compares equal.
public sealed record TenantConfig(
    string Name,
    int DefaultRouteDomain,
    EquatableArray<AddressListState> AddressLists,
    EquatableArray<PortListState> PortLists,
    EquatableArray<RuleListState> RuleLists,
    EquatableArray<PolicyState> Policies,
    EquatableArray<VirtualServerState> Virtuals,
    EquatableArray<VirtualAddressState> VirtualAddresses,
    EquatableArray<PoolState> Pools,
    EquatableArray<LogObjectState> LogObjects,
    EquatableArray<string> ItemPaths)
{
    /// <summary>Objects the latency model charges for: every item plus every rule.</summary>
    public int ObjectCount => ItemPaths.Count + RuleLists.Sum(list => list.Rules.Count) + Policies.Sum(policy => policy.Rules.Count);

    public TenantConfig WithAddressList(AddressListState list) =>
        this with { AddressLists = [.. AddressLists.Select(existing => existing.Path == list.Path ? list : existing)] };
}
