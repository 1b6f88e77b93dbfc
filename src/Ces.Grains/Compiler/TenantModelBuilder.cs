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
        var enforced = new PolicyEntries();
        var staged = new PolicyEntries();

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
                staged.Add(rule.Definition.Scope, path(ruleList.Name), rule.Definition.Staged);
                if (!rule.Definition.Staged)
                {
                    enforced.Add(rule.Definition.Scope, path(ruleList.Name), staged: false);
                }
            }
        }

        ruleLists.Add(new AfmRuleList(_names.DenyAllList, [new AfmRule(As3Names.DenyAllRule, "drop", "any", false, null, [], [], [])]));
        var policies = Policies(enforced, staged, suffix, isCommon, path);

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
            VirtualServer(tenant, path, suffix, logging is not null) with
            {
                StagedPolicyPath = staged.HasStaged(EgressScope.Service) ? path(_names.ServiceStagedPolicy(suffix)) : null,
            },
            logging);
    }

    /// <summary>The policies this tenant needs bound outside AS3: the global policy (Common) and its route domain's, and their staged
    /// counterparts when the model has them.</summary>
    public IReadOnlyList<ContextBinding> Bindings(AfmTenant model, TenantConfig tenant)
    {
        ArgumentNullException.ThrowIfNull(model);
        var suffix = _tenants.PolicySuffix(tenant);
        var path = (string item) => As3NameRules.Path(tenant.Name, AfmTenant.Application, item);
        var has = (string name) => model.Policies.Any(p => p.Name == name);
        var bindings = new List<ContextBinding>();
        if (tenant.Name == CesConfig.CommonTenant)
        {
            bindings.Add(new ContextBinding(ContextBindingKind.Global, null, path(_names.GlobalPolicy)));
            if (has(_names.GlobalStagedPolicy))
            {
                bindings.Add(new ContextBinding(ContextBindingKind.Global, null, path(_names.GlobalStagedPolicy), Staged: true));
            }
        }
        bindings.Add(new ContextBinding(ContextBindingKind.RouteDomain, _tenants.RouteDomainPath(tenant), path(_names.NamespacePolicy(suffix))));
        if (has(_names.NamespaceStagedPolicy(suffix)))
        {
            bindings.Add(new ContextBinding(ContextBindingKind.RouteDomain, _tenants.RouteDomainPath(tenant), path(_names.NamespaceStagedPolicy(suffix)), Staged: true));
        }
        return bindings;
    }

    /// <summary>The enforced policies, and a staged one per scope with staged rules: its enforced lists and the staged ones, in policy order.</summary>
    private List<AfmPolicy> Policies(PolicyEntries enforced, PolicyEntries staged, string suffix, bool isCommon, Func<string, string> path)
    {
        var policies = new List<AfmPolicy>
        {
            new(_names.NamespacePolicy(suffix), [.. enforced[EgressScope.Namespace]]),
            new(_names.ServicePolicy(suffix), [.. enforced[EgressScope.Service], path(_names.DenyAllList)]),
        };
        if (isCommon)
        {
            policies.Add(new AfmPolicy(_names.GlobalPolicy, [.. enforced[EgressScope.Cluster]]));
        }
        if (staged.HasStaged(EgressScope.Namespace))
        {
            policies.Add(new AfmPolicy(_names.NamespaceStagedPolicy(suffix), [.. staged[EgressScope.Namespace]]));
        }
        if (staged.HasStaged(EgressScope.Service))
        {
            policies.Add(new AfmPolicy(_names.ServiceStagedPolicy(suffix), [.. staged[EgressScope.Service], path(_names.DenyAllList)]));
        }
        if (isCommon && staged.HasStaged(EgressScope.Cluster))
        {
            policies.Add(new AfmPolicy(_names.GlobalStagedPolicy, [.. staged[EgressScope.Cluster]]));
        }
        return policies;
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
