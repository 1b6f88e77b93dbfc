using Ces.Abstractions.Collections;

namespace Ces.Abstractions.Config;

/// <summary>The controller's <c>ces-conf.yaml</c>: CES 0.5's keys with its defaults, plus CES's own additions.</summary>
public sealed record CesConfig
{
    /// <summary>Prefix of per-cluster object names (address, port and rule lists). Required.</summary>
    public required string ClusterName { get; init; }

    /// <summary>Prefix of shared object names (policies, VS, pools, log objects). Default: <see cref="ClusterName"/>.</summary>
    public required string MasterCluster { get; init; }

    /// <summary>Route-domain (multi-tenant) mode. Default: false.</summary>
    public bool IsSupportRouteDomain { get; init; }

    /// <summary>AS3 <c>schemaVersion</c>. Default: 3.29.0 (CES sent "" when absent, which AS3 rejects).</summary>
    public string SchemaVersion { get; init; } = DefaultSchemaVersion;

    /// <summary>Bandwidth iRules (in /Common) an ExternalService port may name.</summary>
    public EquatableArray<string> IRule { get; init; } = EquatableArray<string>.Empty;

    /// <summary>BIG-IP tenants (partitions); exactly one is named Common.</summary>
    public required EquatableArray<TenantConfig> Tenants { get; init; }

    /// <summary>Security logging objects attached to the outbound virtual servers.</summary>
    public LogPoolConfig LogPool { get; init; } = new();

    /// <summary>Where namespace rules take their sources from. Default: the namespace's pod IPs.</summary>
    public NamespaceSourceMode NamespaceSource { get; init; } = NamespaceSourceMode.Pods;

    /// <summary>Which sources cluster rules match. Default: the cluster's own pods (CES matched any source).</summary>
    public ClusterRuleSourceMode ClusterRuleSource { get; init; } = ClusterRuleSourceMode.Cluster;

    public const string DefaultSchemaVersion = "3.29.0";

    public const string CommonTenant = "Common";

    public TenantConfig Common => Tenants.First(t => t.Name == CommonTenant);
}

/// <summary>How namespace rules find the namespace's source addresses.</summary>
public enum NamespaceSourceMode
{
    /// <summary>The IPs of the namespace's pods (any CNI).</summary>
    Pods,

    /// <summary>Kube-OVN's <c>ovn.kubernetes.io/cidr</c> namespace annotation (CES 0.5's behaviour).</summary>
    KubeOvnCidr,
}

/// <summary>Which sources a cluster rule matches in the global context.</summary>
public enum ClusterRuleSourceMode
{
    /// <summary>Only addresses of this cluster's pods (namespace sources of every known namespace).</summary>
    Cluster,

    /// <summary>Any source, including non-Kubernetes traffic through the device (CES 0.5's behaviour, bug 5).</summary>
    Any,
}

/// <summary>One <c>tenant[]</c> entry: a BIG-IP partition and the namespaces mapped to it.</summary>
public sealed record TenantConfig
{
    public required string Name { get; init; }

    /// <summary>Namespaces mapped to the tenant (CES writes them as one comma-separated string).</summary>
    public EquatableArray<string> Namespaces { get; init; } = EquatableArray<string>.Empty;

    public RouteDomainConfig RouteDomain { get; init; } = new();

    public EquatableArray<string> GwPoolServerAddresses { get; init; } = EquatableArray<string>.Empty;

    public VirtualServiceConfig VirtualService { get; init; } = new();
}

/// <summary>The route domain a tenant's traffic lives in; forced to id 0, name "0" for Common.</summary>
public sealed record RouteDomainConfig(int Id = 0, string Name = "", string? Partition = null);

/// <summary>The outbound wildcard virtual server: an optional Service_L4 template and its virtual address.</summary>
public sealed record VirtualServiceConfig(string Template = "", VirtualAddressConfig? VirtualAddresses = null)
{
    public VirtualAddressConfig Address => VirtualAddresses ?? new VirtualAddressConfig();
}

/// <summary>The outbound virtual address (CES 0.5.1 defaults: 0.0.0.0, ICMP echo off, ARP off).</summary>
public sealed record VirtualAddressConfig(string VirtualAddress = "0.0.0.0", string IcmpEcho = "disable", bool ArpEnabled = false);

/// <summary>The <c>logPool</c> section: log profile template, remote collectors and their monitor.</summary>
public sealed record LogPoolConfig
{
    public bool LoggingEnabled { get; init; }

    public bool EnableRemoteLog { get; init; }

    public string HealthMonitor { get; init; } = "";

    /// <summary>Collectors as <c>ip[:port]</c>; IPv6 as <c>[addr]:port</c> or a bare address. Port default 514.</summary>
    public EquatableArray<string> ServerAddresses { get; init; } = EquatableArray<string>.Empty;

    public string Template { get; init; } = "";

    /// <summary>Logging objects are written only when enabled and a template is given, as in CES.</summary>
    public bool IsActive => LoggingEnabled && Template.Length > 0;
}
