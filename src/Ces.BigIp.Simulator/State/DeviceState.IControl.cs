using Ces.Abstractions.Collections;

namespace Ces.BigIp.Simulator.State;

public sealed partial class DeviceState
{
    public IReadOnlyList<AddressListState> AddressLists => Live(config => config.AddressLists);

    public IReadOnlyList<PortListState> PortLists => Live(config => config.PortLists);

    public IReadOnlyList<RuleListState> RuleLists => Live(config => config.RuleLists);

    public IReadOnlyList<PolicyState> Policies => Live(config => config.Policies);

    public IReadOnlyList<VirtualServerState> Virtuals => Live(config => config.Virtuals);

    public AddressListState? AddressList(string path) => AddressLists.FirstOrDefault(list => list.Path == path);

    public bool PolicyExists(string path) => Policies.Any(policy => policy.Path == path);

    /// <summary>Replaces a live address list (an iControl PATCH); the stored declaration keeps what was declared.</summary>
    internal AddressListState? ReplaceAddressList(string path, EquatableArray<string>? addresses, EquatableArray<string>? fqdns)
    {
        lock (_gate)
        {
            foreach (var tenant in _tenants.Values)
            {
                if (tenant.Live.AddressLists.FirstOrDefault(list => list.Path == path) is not { } list)
                    continue;
                var updated = list with { Addresses = addresses ?? list.Addresses, Fqdns = fqdns ?? list.Fqdns };
                _tenants[tenant.Name] = tenant with { Live = tenant.Live.WithAddressList(updated) };
                return updated;
            }
            return null;
        }
    }

    internal void SetGlobalEnforcedPolicy(string? policy)
    {
        lock (_gate) _globalEnforcedPolicy = policy;
    }

    internal void SetGlobalStagedPolicy(string? policy)
    {
        lock (_gate) _globalStagedPolicy = policy;
    }

    private List<T> Live<T>(Func<TenantConfig, EquatableArray<T>> select)
    {
        lock (_gate) return [.. _tenants.Values.OrderBy(t => t.Name, StringComparer.Ordinal).SelectMany(t => select(t.Live))];
    }
}
