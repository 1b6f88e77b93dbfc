using Ces.Abstractions.Config;

namespace Ces.Grains.Compiler;

/// <summary>Maps namespaces to BIG-IP tenants and names route-domain suffixes, by CES 0.5's rules (§3.4).</summary>
public sealed class TenantMap
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<CesConfig, TenantMap> Cache = [];
    private readonly CesConfig _config;

    /// <summary>The map of a config, built once per config value: grains ask for it on every call, and it indexes every namespace.</summary>
    public static TenantMap For(CesConfig config) => Cache.GetValue(config, c => new TenantMap(c));
    private readonly Dictionary<string, TenantConfig> _byNamespace = new(StringComparer.Ordinal);

    public TenantMap(CesConfig config)
    {
        _config = config;
        foreach (var tenant in config.Tenants)
        {
            foreach (var ns in tenant.Namespaces)
            {
                _byNamespace[ns] = tenant;
            }
        }
    }

    /// <summary>The tenants that get a declaration: Common alone, or every configured tenant in route-domain mode.</summary>
    public IEnumerable<TenantConfig> Tenants => _config.IsSupportRouteDomain
        ? _config.Tenants.OrderBy(t => t.Name, StringComparer.Ordinal)
        : [_config.Common];

    /// <summary>The tenant of a namespace, or null when no tenant lists it (outside CES's watch range).</summary>
    public TenantConfig? ForNamespace(string ns) =>
        !_byNamespace.TryGetValue(ns, out var tenant) ? null : _config.IsSupportRouteDomain ? tenant : _config.Common;

    /// <summary>The suffix of the ns and svc policy names: <c>rd</c> outside route-domain mode, else the route domain's name.</summary>
    public string PolicySuffix(TenantConfig tenant) =>
        !_config.IsSupportRouteDomain ? "rd" : tenant.Name == CesConfig.CommonTenant ? "0" : tenant.RouteDomain.Name;

    /// <summary>The route domain whose context enforces the tenant's namespace policy, e.g. <c>/p2/rd2</c>.</summary>
    public string RouteDomainPath(TenantConfig tenant) =>
        !_config.IsSupportRouteDomain || tenant.Name == CesConfig.CommonTenant ? "/Common/0" : $"/{tenant.Name}/{tenant.RouteDomain.Name}";

    /// <summary>The route domain id addresses of this tenant live in (0 outside route-domain mode and for Common).</summary>
    public int RouteDomainId(TenantConfig tenant) =>
        _config.IsSupportRouteDomain && tenant.Name != CesConfig.CommonTenant ? tenant.RouteDomain.Id : 0;
}
