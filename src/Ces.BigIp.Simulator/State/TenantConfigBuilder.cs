namespace Ces.BigIp.Simulator.State;

/// Collects one tenant's objects during a parse, then freezes them sorted by path.
internal sealed class TenantConfigBuilder(string name, int defaultRouteDomain)
{
    public List<AddressListState> AddressLists { get; } = [];
    public List<PortListState> PortLists { get; } = [];
    public List<RuleListState> RuleLists { get; } = [];
    public List<PolicyState> Policies { get; } = [];
    public List<VirtualServerState> Virtuals { get; } = [];
    public List<VirtualAddressState> VirtualAddresses { get; } = [];
    public List<PoolState> Pools { get; } = [];
    public List<LogObjectState> LogObjects { get; } = [];
    public List<string> ItemPaths { get; } = [];

    public TenantConfig Build() => new(
        name,
        defaultRouteDomain,
        [.. AddressLists.OrderBy(x => x.Path, StringComparer.Ordinal)],
        [.. PortLists.OrderBy(x => x.Path, StringComparer.Ordinal)],
        [.. RuleLists.OrderBy(x => x.Path, StringComparer.Ordinal)],
        [.. Policies.OrderBy(x => x.Path, StringComparer.Ordinal)],
        [.. Virtuals.OrderBy(x => x.Path, StringComparer.Ordinal)],
        [.. VirtualAddresses.OrderBy(x => x.Path, StringComparer.Ordinal)],
        [.. Pools.OrderBy(x => x.Path, StringComparer.Ordinal)],
        [.. LogObjects.OrderBy(x => x.Path, StringComparer.Ordinal)],
        [.. ItemPaths.Order(StringComparer.Ordinal)]);
}
