using System.Text.Json.Nodes;
using Ces.Abstractions.Api;
using Ces.Abstractions.Collections;
using Ces.Abstractions.Config;
using Ces.Grains.Compiler;

namespace Ces.Grains.Tests.Compiler;

/// <summary>Test data builders: configs, CES objects, observed sources, and readers for compiled declarations.</summary>
internal static class Build
{
    public static CesConfig Config(
        string cluster = "k8s",
        string? master = null,
        bool routeDomains = false,
        string commonNamespaces = "",
        TenantConfig[]? tenants = null,
        string[]? iRules = null,
        string schemaVersion = "3.29.0",
        NamespaceSourceMode namespaceSource = NamespaceSourceMode.Pods,
        ClusterRuleSourceMode clusterRuleSource = ClusterRuleSourceMode.Cluster,
        LogPoolConfig? logPool = null,
        string[]? gateways = null) => new()
        {
            ClusterName = cluster,
            MasterCluster = master ?? cluster,
            IsSupportRouteDomain = routeDomains,
            SchemaVersion = schemaVersion,
            IRule = iRules ?? [],
            NamespaceSource = namespaceSource,
            ClusterRuleSource = clusterRuleSource,
            LogPool = logPool ?? new LogPoolConfig(),
            Tenants = [Tenant("Common", commonNamespaces, 0, "0", gateways ?? ["192.168.10.1"]), .. tenants ?? []],
        };

    public static TenantConfig Tenant(string name, string namespaces, int rdId, string rdName, string[]? gateways = null, VirtualAddressConfig? va = null) => new()
    {
        Name = name,
        Namespaces = namespaces.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        RouteDomain = new RouteDomainConfig(rdId, rdName),
        GwPoolServerAddresses = gateways ?? ["1.16.10.22"],
        VirtualService = new VirtualServiceConfig("", va),
    };

    public static CompilerSettings Settings(CesConfig config, string controllerNamespace = "kube-system") => new(config, controllerNamespace);

    public static ExternalServicePort Port(string protocol, string port, string? name = null, string? bandwidth = null) =>
        new(name ?? $"{protocol}-{port}", protocol, port, bandwidth);

    public static ExternalService ExSvc(string ns, string name, string[] addresses, params ExternalServicePort[] ports) =>
        new(new ObjectMeta(name, ns), new ExternalServiceSpec(addresses, ports));

    public static ClusterEgressRule ClusterRule(string name, string action, string[] exsvcs, bool logging = false, DateTimeOffset? created = null, string? mode = null) =>
        new(new ObjectMeta(name, null, created), new EgressRuleSpec(action, logging, exsvcs, Mode: mode));

    public static NamespaceEgressRule NamespaceRule(string ns, string name, string action, string[] exsvcs, bool logging = false, DateTimeOffset? created = null, string? mode = null) =>
        new(new ObjectMeta(name, ns, created), new EgressRuleSpec(action, logging, exsvcs, Mode: mode));

    public static ServiceEgressRule ServiceRule(string ns, string name, string action, string service, string[] exsvcs, bool logging = false, DateTimeOffset? created = null, string? mode = null) =>
        new(new ObjectMeta(name, ns, created), new EgressRuleSpec(action, logging, exsvcs, service, mode));

    public static NamespaceObject Namespace(string name, string? ovnCidr = null) =>
        new(new ObjectMeta(name, Annotations: ovnCidr is null ? EquatableMap.Empty : new EquatableMap([new(CesApi.OvnCidrAnnotation, ovnCidr)])));

    public static PodObject Pod(string ns, string name, params string[] ips) => new(new ObjectMeta(name, ns), "Running", false, ips);

    public static EndpointSliceObject Endpoints(string ns, string service, string[] ready, string[]? notReady = null) =>
        new(new ObjectMeta(service + "-abcde", ns), service,
            [.. ready.Select(ip => new EndpointEntry([ip], true)), .. (notReady ?? []).Select(ip => new EndpointEntry([ip], false))]);

    public static ClusterSnapshot Snapshot(
        IEnumerable<ExternalService>? exsvcs = null,
        IEnumerable<EgressRule>? rules = null,
        IEnumerable<NamespaceObject>? namespaces = null,
        IEnumerable<PodObject>? pods = null,
        IEnumerable<EndpointSliceObject>? slices = null) =>
        new([.. exsvcs ?? []], [.. rules ?? []], [.. namespaces ?? []], [.. pods ?? []], [.. slices ?? []]);

    public static CompileResult Compile(ClusterSnapshot snapshot, CesConfig config, string controllerNamespace = "kube-system")
    {
        var result = PolicyCompiler.Compile(snapshot, Settings(config, controllerNamespace));
        As3Conformance.AssertValid(result);
        return result;
    }

    /// <summary>The <c>Shared</c> application of a tenant in a compile result.</summary>
    public static JsonObject Shared(this CompileResult result, string tenant = "Common") =>
        result.Declaration(tenant)["declaration"]![tenant]!["Shared"]!.AsObject();

    public static JsonObject Declaration(this CompileResult result, string tenant = "Common") =>
        JsonNode.Parse(result.Tenants.Single(t => t.Tenant == tenant).Json)!.AsObject();

    public static string[] Uses(this JsonNode? policy) =>
        [.. policy!["rules"]!.AsArray().Select(r => r!["use"]!.GetValue<string>())];

    public static string[] Strings(this JsonNode? array) => [.. array!.AsArray().Select(a => a!.GetValue<string>())];

    /// <summary>The names of the rule-specific objects (everything a rule adds beyond the tenant's defaults).</summary>
    public static string[] RuleObjects(this JsonObject shared) =>
        [.. shared.Select(p => p.Key).Where(k => k.Contains("_ext_") || k.EndsWith("_src_address", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
}
