using Ces.Abstractions.Api;

namespace Ces.Grains.Compiler;

/// <summary>CES 0.5's BIG-IP object naming grammar (ces-behaviour.md §4.3); the only place object names are built.</summary>
/// <remarks>Per-cluster objects carry <c>clusterName</c>, shared ones <c>masterCluster</c>, so several clusters can share a device.</remarks>
public sealed class As3Names(string cluster, string master)
{
    public const string DenyAllRule = "deny_all_rule";

    public string Cluster => cluster;

    public string Master => master;

    public static string Scope(EgressScope scope, string ns) => scope switch
    {
        EgressScope.Cluster => "global",
        EgressScope.Namespace => "ns_" + ns,
        _ => "svc_" + ns,
    };

    public string DestinationAddresses(EgressScope scope, string ns, string rule, string externalService) =>
        $"{cluster}_{Scope(scope, ns)}_{rule}_ext_{externalService}_address";

    public string DestinationPorts(EgressScope scope, string ns, string rule, string externalService, string key) =>
        $"{cluster}_{Scope(scope, ns)}_{rule}_ext_{externalService}_ports_{key}";

    public string RuleList(EgressScope scope, string ns, string rule, string externalService) =>
        $"{cluster}_{Scope(scope, ns)}_{rule}_ext_{externalService}_rule_list";

    public string NamespaceSource(string ns, string rule) => $"{cluster}_ns_{ns}_{rule}_src_address";

    public string ServiceSource(string ns, string rule, string service) => $"{cluster}_svc_{ns}_{rule}_ep_{service}_src_address";

    /// <summary>The pods of this cluster, the source of its cluster rules (an addition: CES 0.5 matched any source).</summary>
    public string ClusterSource => $"{cluster}_global_src_address";

    public static string FirewallRule(string action, string externalService, string key) => $"{action}_{externalService}_{key}";

    public string GlobalPolicy => $"{master}_system_global_policy";

    public string NamespacePolicy(string routeDomainSuffix) => $"{master}_ns_policy_{routeDomainSuffix}";

    public string ServicePolicy(string routeDomainSuffix) => $"{master}_svc_policy_{routeDomainSuffix}";

    /// <summary>Staged counterparts (an extension of the grammar): the enforced policy's lists plus the staged rules' lists.</summary>
    public string GlobalStagedPolicy => $"{master}_system_global_staged_policy";

    public string NamespaceStagedPolicy(string routeDomainSuffix) => $"{master}_ns_staged_policy_{routeDomainSuffix}";

    public string ServiceStagedPolicy(string routeDomainSuffix) => $"{master}_svc_staged_policy_{routeDomainSuffix}";

    public string DenyAllList => $"{master}_svc_deny_all_rule_list";

    public string GatewayPool => $"{master}_gw_pool";

    public string VirtualServer => $"{master}_outbound_vs";

    public string VirtualAddress => $"{master}_outbound_va";

    public string LogPool => $"{master}_log_pool";

    /// <summary>The log profile the VS refers to; CES hard-codes it, so the log template must define it.</summary>
    public string LogProfile => $"{master}_afm_hsl_log_profile";

    public static string IRule(string bandwidth) => "/Common/" + bandwidth;
}
