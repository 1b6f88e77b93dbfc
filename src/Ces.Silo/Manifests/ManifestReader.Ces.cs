using System.Text.RegularExpressions;
using Ces.Abstractions.Api;
using Ces.Abstractions.Collections;
using YamlDotNet.RepresentationModel;

namespace Ces.Silo.Manifests;

public static partial class ManifestReader
{
    private static readonly string[] ObjectKeys = ["apiVersion", "kind", "metadata", "spec"];
    private static readonly string[] RuleObjectKeys = [.. ObjectKeys, "status"];
    private static readonly string[] ExternalServiceSpecKeys = ["addresses", "ports"];
    private static readonly string[] PortKeys = ["name", "protocol", "port", "bandwidth"];
    private static readonly string[] RuleSpecKeys = ["action", "logging", "externalServices", "mode"];
    private static readonly string[] Modes = [EgressRuleSpec.Enforce, EgressRuleSpec.Staged];
    private static readonly string[] ServiceRuleSpecKeys = [.. RuleSpecKeys, "service"];
    private static readonly string[] Actions = ["accept", "drop", "accept-decisively", "reject"];

    private static ExternalService? ReadExternalService(YamlScope scope, YamlMappingNode map, string defaultNamespace)
    {
        scope.OnlyKeys(map, "", ObjectKeys, key => key == "status" ? " (ExternalService has no status)" : null);
        var metadata = ReadMetadata(scope, map, CesApi.ExternalServiceKind, defaultNamespace, strict: true);
        scope.Require(map, "", "spec");
        if (scope.Mapping(YamlScope.Get(map, "spec"), "spec") is not { } spec)
            return null;
        scope.OnlyKeys(spec, "spec", ExternalServiceSpecKeys);
        scope.Require(spec, "spec", "addresses");
        var addresses = scope.StringList(YamlScope.Get(spec, "addresses"), "spec.addresses");
        var ports = new List<ExternalServicePort>();
        var portNodes = scope.Sequence(YamlScope.Get(spec, "ports"), "spec.ports")?.Children ?? [];
        for (var i = 0; i < portNodes.Count; i++)
        {
            if (ReadPort(scope, portNodes[i], $"spec.ports[{i}]") is { } port)
                ports.Add(port);
        }
        return metadata is null || addresses is null ? null : new ExternalService(metadata, new ExternalServiceSpec(addresses.ToEquatableArray(), ports.ToEquatableArray()));
    }

    private static ExternalServicePort? ReadPort(YamlScope scope, YamlNode node, string path)
    {
        if (scope.Mapping(node, path) is not { } map)
            return null;
        scope.OnlyKeys(map, path, PortKeys);
        var portNode = YamlScope.Get(map, "port");
        // An unquoted `port: 53` is an integer, which the CRD would reject; CES takes it as the string it means.
        var port = scope.String(portNode, $"{path}.port", acceptNumbers: true);
        if (port is { Length: > 0 } && !PortPattern().IsMatch(port))
            scope.Error($"{path}.port", portNode!, $"'{port}' is not a port, a range a-b, or a comma list of these");
        return new ExternalServicePort(
            scope.String(YamlScope.Get(map, "name"), $"{path}.name"),
            scope.String(YamlScope.Get(map, "protocol"), $"{path}.protocol"),
            port,
            scope.String(YamlScope.Get(map, "bandwidth"), $"{path}.bandwidth"));
    }

    private static EgressRule? ReadRule(YamlScope scope, YamlMappingNode map, string kind, string defaultNamespace)
    {
        scope.OnlyKeys(map, "", RuleObjectKeys);
        var metadata = ReadMetadata(scope, map, kind, defaultNamespace, strict: true);
        scope.Require(map, "", "spec");
        var ruleSpec = scope.Mapping(YamlScope.Get(map, "spec"), "spec") is { } spec ? ReadRuleSpec(scope, spec, kind) : null;
        var status = scope.Mapping(YamlScope.Get(map, "status"), "status") is { } statusMap ? ReadStatus(scope, statusMap) : null;
        if (metadata is null || ruleSpec is null)
            return null;
        return kind switch
        {
            CesApi.ClusterEgressRuleKind => new ClusterEgressRule(metadata, ruleSpec, status),
            CesApi.NamespaceEgressRuleKind => new NamespaceEgressRule(metadata, ruleSpec, status),
            _ => new ServiceEgressRule(metadata, ruleSpec, status),
        };
    }

    private static EgressRuleSpec? ReadRuleSpec(YamlScope scope, YamlMappingNode spec, string kind)
    {
        var isServiceRule = kind == CesApi.ServiceEgressRuleKind;
        scope.OnlyKeys(spec, "spec", isServiceRule ? ServiceRuleSpecKeys : RuleSpecKeys,
            key => key == "service" ? " (only ServiceEgressRule names a service)" : null);
        scope.Require(spec, "spec", "action");
        scope.Require(spec, "spec", "externalServices");
        var actionNode = YamlScope.Get(spec, "action");
        var action = scope.String(actionNode, "spec.action");
        if (action is not null && !Actions.Contains(action))
            scope.Error("spec.action", actionNode!, $"'{action}' is not one of {string.Join(", ", Actions)}");
        var logging = scope.Bool(YamlScope.Get(spec, "logging"), "spec.logging") ?? false;
        var externalServices = scope.StringList(YamlScope.Get(spec, "externalServices"), "spec.externalServices");
        var modeNode = YamlScope.Get(spec, "mode");
        var mode = scope.String(modeNode, "spec.mode");
        if (mode is not null && !Modes.Contains(mode))
            scope.Error("spec.mode", modeNode!, $"'{mode}' is not one of {string.Join(", ", Modes)}");
        string? service = null;
        if (isServiceRule)
        {
            scope.Require(spec, "spec", "service");
            service = scope.String(YamlScope.Get(spec, "service"), "spec.service");
        }
        return externalServices is null ? null : new EgressRuleSpec(action, logging, externalServices.ToEquatableArray(), service, mode);
    }

    [GeneratedRegex("^[0-9]+(-[0-9]+)?(,[0-9]+(-[0-9]+)?)*$")]
    private static partial Regex PortPattern();
}
