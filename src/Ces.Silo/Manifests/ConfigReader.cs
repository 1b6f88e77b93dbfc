using Ces.Abstractions.Collections;
using Ces.Abstractions.Config;
using Ces.Abstractions.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Ces.Silo.Manifests;

/// <summary>Reads <c>ces-conf.yaml</c> (CES 0.5's keys and defaults, plus CES's own) and rejects what CES 0.5 silently ignored.</summary>
public static partial class ConfigReader
{
    private static readonly string[] TopKeys =
    [
        "clusterName", "masterCluster", "isSupportRouteDomain", "schemaVersion", "iRule", "tenant", "logPool",
        "namespaceSource", "clusterRuleSource", "cniType",
    ];

    private static readonly string[] LogPoolKeys = ["loggingEnabled", "enableRemoteLog", "healthMonitor", "serverAddresses", "template"];

    /// <summary>Parses <paramref name="text"/>; <paramref name="file"/> names the subject and location of every diagnostic.</summary>
    public static ConfigReadResult Read(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        var diagnostics = new List<Diagnostic>();
        var scope = new YamlScope(file, file, diagnostics);
        var roots = YamlDocuments.Parse(text, file, file, diagnostics).ToList();
        if (roots.Count > 1)
            scope.Error("", roots[1], "the config must be a single YAML document");
        var config = roots.Count == 0
            ? Empty(scope, diagnostics, file)
            : scope.Mapping(roots[0], "") is { } root ? ReadRoot(scope, root) : null;
        var failed = diagnostics.Any(d => d.IsError);
        return new ConfigReadResult(failed ? null : config, diagnostics.ToEquatableArray());
    }

    private static CesConfig? Empty(YamlScope scope, List<Diagnostic> diagnostics, string file)
    {
        if (!scope.HasErrors && diagnostics.Count == 0)
            diagnostics.Add(Diagnostic.Error(file, "clusterName", "the config is empty; 'clusterName' and a 'Common' tenant are required", new SourceLocation(file, 1)));
        return null;
    }

    private static CesConfig? ReadRoot(YamlScope scope, YamlMappingNode root)
    {
        scope.OnlyKeys(root, "", TopKeys, key => key == "externalIPAddresses" ? " (a CES 0.6.0 key this version does not support)" : null);
        // CES 0.5 defaulted clusterName to "", which yields object names AS3 rejects.
        scope.Require(root, "", "clusterName");
        var clusterName = Name(scope, YamlScope.Get(root, "clusterName"), "clusterName");
        var masterCluster = Name(scope, YamlScope.Get(root, "masterCluster"), "masterCluster") ?? clusterName;
        var routeDomainMode = scope.Bool(YamlScope.Get(root, "isSupportRouteDomain"), "isSupportRouteDomain") ?? false;
        var schemaVersion = SchemaVersion(scope, YamlScope.Get(root, "schemaVersion"));
        var iRules = scope.StringList(YamlScope.Get(root, "iRule"), "iRule") ?? [];
        var tenants = ReadTenants(scope, root, routeDomainMode);
        var logPool = ReadLogPool(scope, YamlScope.Get(root, "logPool"));
        var namespaceSource = Choice(scope, YamlScope.Get(root, "namespaceSource"), "namespaceSource", NamespaceSourceMode.Pods,
            ("pods", NamespaceSourceMode.Pods), ("kube-ovn-cidr", NamespaceSourceMode.KubeOvnCidr));
        var clusterRuleSource = Choice(scope, YamlScope.Get(root, "clusterRuleSource"), "clusterRuleSource", ClusterRuleSourceMode.Cluster,
            ("cluster", ClusterRuleSourceMode.Cluster), ("any", ClusterRuleSourceMode.Any));
        if (YamlScope.Get(root, "cniType") is { } cniType && scope.String(cniType, "cniType", acceptNumbers: true) is not null)
            scope.Warning("cniType", cniType, "cniType has no effect: set namespaceSource (pods or kube-ovn-cidr) instead");
        if (clusterName is null || masterCluster is null || tenants is null)
            return null;
        return new CesConfig
        {
            ClusterName = clusterName,
            MasterCluster = masterCluster,
            IsSupportRouteDomain = routeDomainMode,
            SchemaVersion = schemaVersion,
            IRule = iRules.ToEquatableArray(),
            Tenants = tenants.ToEquatableArray(),
            LogPool = logPool,
            NamespaceSource = namespaceSource,
            ClusterRuleSource = clusterRuleSource,
        };
    }

    private static LogPoolConfig ReadLogPool(YamlScope scope, YamlNode? node)
    {
        if (scope.Mapping(node, "logPool") is not { } map)
            return new LogPoolConfig();
        scope.OnlyKeys(map, "logPool", LogPoolKeys);
        var addresses = scope.StringList(YamlScope.Get(map, "serverAddresses"), "logPool.serverAddresses") ?? [];
        var nodes = (YamlScope.Get(map, "serverAddresses") as YamlSequenceNode)?.Children ?? [];
        for (var i = 0; i < addresses.Count && i < nodes.Count; i++)
        {
            if (!IsEndpoint(addresses[i]))
                scope.Error($"logPool.serverAddresses[{i}]", nodes[i], $"'{addresses[i]}' is not ip[:port] (IPv6 as [addr]:port or a bare address)");
        }
        return new LogPoolConfig
        {
            LoggingEnabled = scope.Bool(YamlScope.Get(map, "loggingEnabled"), "logPool.loggingEnabled") ?? false,
            EnableRemoteLog = scope.Bool(YamlScope.Get(map, "enableRemoteLog"), "logPool.enableRemoteLog") ?? false,
            HealthMonitor = scope.String(YamlScope.Get(map, "healthMonitor"), "logPool.healthMonitor") ?? "",
            ServerAddresses = addresses.ToEquatableArray(),
            Template = JsonTemplate(scope, YamlScope.Get(map, "template"), "logPool.template"),
        };
    }

    private static T Choice<T>(YamlScope scope, YamlNode? node, string field, T fallback, params (string Text, T Value)[] choices)
    {
        if (scope.String(node, field) is not { } text)
            return fallback;
        foreach (var (name, value) in choices)
        {
            if (name == text)
                return value;
        }
        scope.Error(field, node!, $"'{text}' is not one of {string.Join(", ", choices.Select(c => c.Text))}");
        return fallback;
    }
}
