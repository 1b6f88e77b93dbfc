using Ces.Abstractions.Collections;
using Ces.Abstractions.Config;
using YamlDotNet.RepresentationModel;

namespace Ces.Silo.Manifests;

public static partial class ConfigReader
{
    private static readonly string[] TenantKeys = ["name", "namespaces", "routeDomain", "gwPool", "virtualService"];
    private static readonly string[] RouteDomainKeys = ["id", "name", "partition"];
    private static readonly string[] GwPoolKeys = ["serverAddresses"];
    private static readonly string[] VirtualServiceKeys = ["template", "virtualAddresses"];
    private static readonly string[] VirtualAddressKeys = ["virtualAddress", "icmpEcho", "arpEnabled", "template"];
    private static readonly string[] IcmpEchoValues = ["enable", "disable", "selective"];

    private static List<TenantConfig>? ReadTenants(YamlScope scope, YamlMappingNode root, bool routeDomainMode)
    {
        var nodes = scope.Sequence(YamlScope.Get(root, "tenant"), "tenant")?.Children ?? [];
        var tenants = new List<TenantConfig>();
        var namespaceOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            if (ReadTenant(scope, nodes[i], $"tenant[{i}]", routeDomainMode) is not { } tenant)
                continue;
            if (tenants.Any(t => t.Name == tenant.Name))
                scope.Error($"tenant[{i}].name", nodes[i], $"tenant '{tenant.Name}' is listed twice");
            foreach (var ns in tenant.Namespaces)
            {
                // CES 0.5 let the last tenant win without a word; a namespace belongs to exactly one partition.
                if (namespaceOwners.TryGetValue(ns, out var owner) && owner != tenant.Name)
                    scope.Error($"tenant[{i}].namespaces", YamlScope.Get((YamlMappingNode)nodes[i], "namespaces")!, $"namespace '{ns}' is already mapped to tenant '{owner}'");
                namespaceOwners[ns] = tenant.Name;
            }
            tenants.Add(tenant);
        }
        if (!tenants.Any(t => t.Name == CesConfig.CommonTenant) && !scope.HasErrors)
            scope.Error("tenant", YamlScope.Get(root, "tenant") ?? root, "a tenant named 'Common' is required");
        return scope.HasErrors ? null : tenants;
    }

    private static TenantConfig? ReadTenant(YamlScope scope, YamlNode node, string path, bool routeDomainMode)
    {
        if (scope.Mapping(node, path) is not { } map)
            return null;
        scope.OnlyKeys(map, path, TenantKeys);
        scope.Require(map, path, "name");
        var name = Name(scope, YamlScope.Get(map, "name"), $"{path}.name");
        var namespaces = (scope.String(YamlScope.Get(map, "namespaces"), $"{path}.namespaces") ?? "")
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal);
        var routeDomain = ReadRouteDomain(scope, YamlScope.Get(map, "routeDomain"), $"{path}.routeDomain", name, routeDomainMode, map);
        var gwPool = scope.Mapping(YamlScope.Get(map, "gwPool"), $"{path}.gwPool");
        if (gwPool is not null)
            scope.OnlyKeys(gwPool, $"{path}.gwPool", GwPoolKeys);
        var gateways = IpList(scope, YamlScope.Get(gwPool, "serverAddresses"), $"{path}.gwPool.serverAddresses");
        var virtualService = ReadVirtualService(scope, YamlScope.Get(map, "virtualService"), $"{path}.virtualService");
        if (name is null)
            return null;
        return new TenantConfig
        {
            Name = name,
            Namespaces = namespaces.ToEquatableArray(),
            RouteDomain = routeDomain,
            GwPoolServerAddresses = gateways.ToEquatableArray(),
            VirtualService = virtualService,
        };
    }

    private static RouteDomainConfig ReadRouteDomain(YamlScope scope, YamlNode? node, string path, string? tenant, bool routeDomainMode, YamlMappingNode tenantMap)
    {
        var map = scope.Mapping(node, path);
        if (map is not null)
            scope.OnlyKeys(map, path, RouteDomainKeys);
        var idNode = YamlScope.Get(map, "id");
        var id = scope.Integer(idNode, $"{path}.id") ?? 0;
        if (id is < 0 or > 65535)
            scope.Error($"{path}.id", idNode!, $"route domain id {id} is outside 0-65535");
        var name = scope.String(YamlScope.Get(map, "name"), $"{path}.name", acceptNumbers: true) ?? "";
        var partition = scope.String(YamlScope.Get(map, "partition"), $"{path}.partition");
        if (tenant == CesConfig.CommonTenant)
        {
            if (id != 0 || name is not ("" or "0"))
                scope.Warning(path, node!, "Common always uses route domain 0 (name \"0\"); the configured values are ignored");
            return new RouteDomainConfig(0, "0", partition);
        }
        if (routeDomainMode && name.Length == 0 && tenant is not null)
            scope.Error($"{path}.name", node ?? tenantMap, $"tenant '{tenant}' needs routeDomain.name when isSupportRouteDomain is true");
        return new RouteDomainConfig((int)Math.Clamp(id, 0, 65535), name, partition);
    }

    private static VirtualServiceConfig ReadVirtualService(YamlScope scope, YamlNode? node, string path)
    {
        if (scope.Mapping(node, path) is not { } map)
            return new VirtualServiceConfig();
        scope.OnlyKeys(map, path, VirtualServiceKeys, key => key is "virtualAddress" or "icmpEcho" or "arpEnabled"
            ? $" (install.sh put it here, where CES 0.5 ignored it; move it under {path}.virtualAddresses)"
            : null);
        var template = JsonTemplate(scope, YamlScope.Get(map, "template"), $"{path}.template");
        var addressPath = $"{path}.virtualAddresses";
        if (scope.Mapping(YamlScope.Get(map, "virtualAddresses"), addressPath) is not { } addresses)
            return new VirtualServiceConfig(template);
        scope.OnlyKeys(addresses, addressPath, VirtualAddressKeys);
        if (YamlScope.Get(addresses, "template") is { } dead)
            scope.Warning($"{addressPath}.template", dead, "virtualAddresses.template has no effect (CES 0.5 never read it either)");
        var addressNode = YamlScope.Get(addresses, "virtualAddress");
        var address = scope.String(addressNode, $"{addressPath}.virtualAddress") ?? "0.0.0.0";
        if (!IsIp(address))
            scope.Error($"{addressPath}.virtualAddress", addressNode!, $"'{address}' is not an IP address");
        var icmpNode = YamlScope.Get(addresses, "icmpEcho");
        var icmpEcho = scope.String(icmpNode, $"{addressPath}.icmpEcho") ?? "disable";
        if (!IcmpEchoValues.Contains(icmpEcho))
            scope.Error($"{addressPath}.icmpEcho", icmpNode!, $"'{icmpEcho}' is not one of {string.Join(", ", IcmpEchoValues)}");
        var arp = scope.Bool(YamlScope.Get(addresses, "arpEnabled"), $"{addressPath}.arpEnabled") ?? false;
        return new VirtualServiceConfig(template, new VirtualAddressConfig(address, icmpEcho, arp));
    }
}
