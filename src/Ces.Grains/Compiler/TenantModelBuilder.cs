using System.Text.Json.Nodes;
using Ces.Abstractions.Afm;
using Ces.Abstractions.Api;
using Ces.Abstractions.Config;
using Ces.Abstractions.Diagnostics;
using Ces.Abstractions.Policy;
using Ces.Abstractions.Validation;
using Ces.Grains.As3;

namespace Ces.Grains.Compiler;

/// <summary>Turns one tenant's desired state into its AFM objects (ces-behaviour.md §4.2), named by <see cref="As3Names"/>.</summary>
public sealed class TenantModelBuilder(CesConfig config, ICollection<Diagnostic> diagnostics)
{
    private readonly As3Names _names = new(config.ClusterName, config.MasterCluster);
    private readonly TenantMap _tenants = TenantMap.For(config);

    public AfmTenant Build(TenantDesiredState state)
    {
        var tenant = state.Tenant;
        var isCommon = tenant.Name == CesConfig.CommonTenant;
        var suffix = _tenants.PolicySuffix(tenant);
        var path = (string item) => As3NameRules.Path(tenant.Name, AfmTenant.Application, item);

        var addressLists = new SortedDictionary<string, AfmAddressList>(StringComparer.Ordinal);
        var portLists = new List<AfmPortList>();
        var ruleLists = new List<AfmRuleList>();
        var policyEntries = new Dictionary<EgressScope, List<string>> { [EgressScope.Cluster] = [], [EgressScope.Namespace] = [], [EgressScope.Service] = [] };

        foreach (var rule in state.Rules)
        {
            if (rule.Source.ListName is { } sourceList)
            {
                addressLists[sourceList] = new AfmAddressList(sourceList, rule.Source.Addresses, []);
            }
            foreach (var destination in rule.Definition.Destinations)
            {
                var ruleList = CompileDestination(rule.Definition, rule.Source, destination, path, addressLists, portLists);
                ruleLists.Add(ruleList);
                policyEntries[rule.Definition.Scope].Add(path(ruleList.Name));
            }
        }

        ruleLists.Add(new AfmRuleList(_names.DenyAllList, [new AfmRule(As3Names.DenyAllRule, "drop", "any", false, null, [], [], [])]));
        var policies = new List<AfmPolicy>
        {
            new(_names.NamespacePolicy(suffix), [.. policyEntries[EgressScope.Namespace]]),
            new(_names.ServicePolicy(suffix), [.. policyEntries[EgressScope.Service], path(_names.DenyAllList)]),
        };
        if (isCommon)
        {
            policies.Add(new AfmPolicy(_names.GlobalPolicy, [.. policyEntries[EgressScope.Cluster]]));
        }

        var logging = Logging(tenant);
        return new AfmTenant(
            tenant.Name,
            config.IsSupportRouteDomain && !isCommon ? tenant.RouteDomain.Id : null,
            [.. addressLists.Values],
            [.. portLists.OrderBy(p => p.Name, StringComparer.Ordinal)],
            [.. ruleLists.OrderBy(r => r.Name, StringComparer.Ordinal)],
            [.. policies.OrderBy(p => p.Name, StringComparer.Ordinal)],
            GatewayPool(tenant),
            new AfmVirtualAddress(_names.VirtualAddress, tenant.VirtualService.Address.VirtualAddress, tenant.VirtualService.Address.IcmpEcho, tenant.VirtualService.Address.ArpEnabled),
            VirtualServer(tenant, path, suffix, logging is not null),
            logging);
    }

    /// <summary>The policies this tenant needs bound outside AS3: the global policy (Common) and its route domain's.</summary>
    public IReadOnlyList<ContextBinding> Bindings(TenantConfig tenant)
    {
        var suffix = _tenants.PolicySuffix(tenant);
        var bindings = new List<ContextBinding>();
        if (tenant.Name == CesConfig.CommonTenant)
        {
            bindings.Add(new ContextBinding(ContextBindingKind.Global, null, As3NameRules.Path(tenant.Name, AfmTenant.Application, _names.GlobalPolicy)));
        }
        bindings.Add(new ContextBinding(ContextBindingKind.RouteDomain, _tenants.RouteDomainPath(tenant),
            As3NameRules.Path(tenant.Name, AfmTenant.Application, _names.NamespacePolicy(suffix))));
        return bindings;
    }

    private AfmRuleList CompileDestination(
        RuleDefinition rule, RuleSource ruleSource, Destination destination, Func<string, string> path,
        SortedDictionary<string, AfmAddressList> addressLists, List<AfmPortList> portLists)
    {
        var addressName = _names.DestinationAddresses(rule.Scope, rule.Namespace, rule.Name, destination.Name);
        addressLists[addressName] = new AfmAddressList(addressName, destination.Addresses, destination.Fqdns);
        var source = ruleSource.ListName is { } list ? [path(list)] : Array.Empty<string>();
        var rules = new List<AfmRule>();
        foreach (var group in destination.PortGroups)
        {
            string[] ports = [];
            if (!group.Ports.IsEmpty)
            {
                var portName = _names.DestinationPorts(rule.Scope, rule.Namespace, rule.Name, destination.Name, group.Key);
                portLists.Add(new AfmPortList(portName, group.Ports));
                ports = [path(portName)];
            }
            rules.Add(new AfmRule(
                As3Names.FirewallRule(rule.Action, destination.Name, group.Key),
                rule.Action,
                group.Protocol,
                rule.Logging,
                group.Bandwidth is null ? null : As3Names.IRule(group.Bandwidth),
                [.. source],
                [path(addressName)],
                [.. ports]));
        }
        return new AfmRuleList(_names.RuleList(rule.Scope, rule.Namespace, rule.Name, destination.Name), [.. rules]);
    }

    private AfmPool GatewayPool(TenantConfig tenant) => new(
        _names.GatewayPool,
        tenant.GwPoolServerAddresses.IsEmpty ? [] : [new AfmPoolMember(tenant.GwPoolServerAddresses, 0)],
        ["/Common/gateway_icmp"]);

    private AfmVirtualServer VirtualServer(TenantConfig tenant, Func<string, string> path, string suffix, bool logging)
    {
        string? template = null;
        if (tenant.VirtualService.Template.Length > 0)
        {
            var rendered = As3Template.Render(tenant.VirtualService.Template, _names.Master, tenant.Name, out var error);
            if (rendered is null)
            {
                diagnostics.Add(Diagnostic.Error("ces-conf.yaml", $"tenant[{tenant.Name}].virtualService.template", error + "; the default virtual server is used"));
            }
            template = rendered is null ? null : CanonicalJson.Serialize(rendered);
        }
        return new AfmVirtualServer(
            _names.VirtualServer,
            path(_names.VirtualAddress),
            _names.GatewayPool,
            path(_names.ServicePolicy(suffix)),
            logging ? path(_names.LogProfile) : null,
            template);
    }

    private AfmLogging? Logging(TenantConfig tenant)
    {
        var log = config.LogPool;
        if (!log.IsActive)
        {
            return null;
        }
        var objects = As3Template.Render(log.Template, _names.Master, tenant.Name, out var error);
        if (objects is null || objects[_names.LogProfile] is not JsonObject)
        {
            diagnostics.Add(Diagnostic.Error("ces-conf.yaml", "logPool.template",
                (error ?? $"the template defines no '{_names.LogProfile}' (written k8s_afm_hsl_log_profile), which the virtual server refers to") + "; logging is left off"));
            return null;
        }
        if (!log.EnableRemoteLog)
        {
            // Local logging only (CES §4.10): keep the profile and publisher, and publish to the device's local database.
            foreach (var name in objects.Where(o => o.Value?["class"]?.GetValue<string>() is not ("Security_Log_Profile" or "Log_Publisher")).Select(o => o.Key).ToList())
            {
                objects.Remove(name);
            }
            foreach (var publisher in objects.Select(o => o.Value).OfType<JsonObject>().Where(o => o["class"]?.GetValue<string>() == "Log_Publisher"))
            {
                publisher["destinations"] = new JsonArray(new JsonObject { ["bigip"] = "/Common/local-db" });
            }
        }
        var monitors = log.HealthMonitor.Length > 0 ? new[] { "/Common/" + log.HealthMonitor } : [];
        var members = log.ServerAddresses.Select(LogServer.Parse).Select(s => new AfmPoolMember([s.Address], s.Port));
        return new AfmLogging(CanonicalJson.Serialize(objects), new AfmPool(_names.LogPool, [.. members], [.. monitors]));
    }
}
