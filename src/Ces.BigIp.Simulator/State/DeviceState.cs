using System.Text.Json.Nodes;

namespace Ces.BigIp.Simulator.State;

/// The simulated device's configuration: deployed tenants, route domains, global rules and pre-existing components.
/// <remarks>Thread-safe; every read returns immutable records, so tests can inspect state while requests run.</remarks>
public sealed partial class DeviceState
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TenantRecord> _tenants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RouteDomainState> _routeDomains = new(StringComparer.Ordinal);
    private readonly HashSet<string> _components = new(StringComparer.Ordinal);
    private JsonObject? _header;
    private string? _globalEnforcedPolicy;
    private string? _globalStagedPolicy;

    internal DeviceState(IEnumerable<string> components, IEnumerable<RouteDomainState> routeDomains)
    {
        _components.UnionWith(components);
        foreach (var routeDomain in routeDomains)
            _routeDomains[routeDomain.Path] = routeDomain;
    }

    public IReadOnlyList<string> TenantNames
    {
        get { lock (_gate) return [.. _tenants.Keys.Order(StringComparer.Ordinal)]; }
    }

    public TenantRecord? Tenant(string name)
    {
        lock (_gate) return _tenants.GetValueOrDefault(name);
    }

    public IReadOnlyList<TenantRecord> Tenants
    {
        get { lock (_gate) return [.. _tenants.Values.OrderBy(t => t.Name, StringComparer.Ordinal)]; }
    }

    public IReadOnlyList<RouteDomainState> RouteDomains
    {
        get { lock (_gate) return [.. _routeDomains.Values.OrderBy(r => r.Id)]; }
    }

    public RouteDomainState? RouteDomain(string path)
    {
        lock (_gate) return _routeDomains.GetValueOrDefault(path);
    }

    public string? GlobalStagedPolicy
    {
        get { lock (_gate) return _globalStagedPolicy; }
    }

    public string? GlobalEnforcedPolicy
    {
        get { lock (_gate) return _globalEnforcedPolicy; }
    }

    /// <summary>The ADC properties of the last applied declaration (class, schemaVersion, id, updateMode), or null.</summary>
    internal JsonObject? Header
    {
        get { lock (_gate) return _header?.DeepClone().AsObject(); }
    }

    /// <summary>True when a `bigip` reference names something on the device: a built-in, a route domain or any deployed object.</summary>
    public bool ComponentExists(string path)
    {
        lock (_gate)
        {
            return _components.Contains(path)
                || _routeDomains.ContainsKey(path)
                || _tenants.Values.Any(tenant => tenant.Live.ItemPaths.Contains(path));
        }
    }

    public bool RouteDomainIdExists(int id)
    {
        lock (_gate) return _routeDomains.Values.Any(routeDomain => routeDomain.Id == id);
    }

    internal void AddComponent(string path)
    {
        lock (_gate) _components.Add(path);
    }

    internal void PutRouteDomain(RouteDomainState routeDomain)
    {
        lock (_gate) _routeDomains[routeDomain.Path] = routeDomain;
    }

    internal void SetHeader(JsonObject header)
    {
        lock (_gate) _header = header;
    }

    /// <summary>Stores a tenant and rebinds the route domains its policies enforce on (routeDomainEnforcement).</summary>
    internal void PutTenant(TenantRecord tenant)
    {
        lock (_gate)
        {
            _tenants[tenant.Name] = tenant;
            UnbindRouteDomains(tenant.Name);
            foreach (var policy in tenant.Live.Policies)
            {
                foreach (var path in policy.RouteDomains)
                {
                    if (_routeDomains.TryGetValue(path, out var routeDomain))
                        _routeDomains[path] = routeDomain with { FwEnforcedPolicy = policy.Path };
                }
            }
        }
    }

    internal bool RemoveTenant(string name)
    {
        lock (_gate)
        {
            UnbindRouteDomains(name);
            if (_globalEnforcedPolicy?.StartsWith($"/{name}/", StringComparison.Ordinal) == true)
                _globalEnforcedPolicy = null;
            if (_globalStagedPolicy?.StartsWith($"/{name}/", StringComparison.Ordinal) == true)
                _globalStagedPolicy = null;
            return _tenants.Remove(name);
        }
    }

    private void UnbindRouteDomains(string tenant)
    {
        foreach (var routeDomain in _routeDomains.Values.ToList())
        {
            if (routeDomain.FwEnforcedPolicy?.StartsWith($"/{tenant}/", StringComparison.Ordinal) == true)
                _routeDomains[routeDomain.Path] = routeDomain with { FwEnforcedPolicy = null };
            if (_routeDomains[routeDomain.Path].FwStagedPolicy?.StartsWith($"/{tenant}/", StringComparison.Ordinal) == true)
                _routeDomains[routeDomain.Path] = _routeDomains[routeDomain.Path] with { FwStagedPolicy = null };
        }
    }
}
