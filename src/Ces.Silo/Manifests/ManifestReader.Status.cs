using Ces.Abstractions.Api;
using Ces.Abstractions.Collections;
using YamlDotNet.RepresentationModel;

namespace Ces.Silo.Manifests;

public static partial class ManifestReader
{
    private static readonly string[] StatusKeys =
        ["phase", "observedGeneration", "reason", "message", "device", "sourceAddresses", "destinationAddresses", "conditions"];

    private static readonly string[] ConditionKeys = ["type", "status", "reason", "message", "lastTransitionTime", "observedGeneration"];

    /// <summary>Status is what a controller wrote; it is read so that <c>kubectl get -o yaml</c> output can be fed back in.</summary>
    private static EgressRuleStatus ReadStatus(YamlScope scope, YamlMappingNode status)
    {
        scope.OnlyKeys(status, "status", StatusKeys);
        var conditions = new List<Condition>();
        var nodes = scope.Sequence(YamlScope.Get(status, "conditions"), "status.conditions")?.Children ?? [];
        for (var i = 0; i < nodes.Count; i++)
        {
            if (ReadCondition(scope, nodes[i], $"status.conditions[{i}]") is { } condition)
                conditions.Add(condition);
        }
        return new EgressRuleStatus(
            scope.String(YamlScope.Get(status, "phase"), "status.phase"),
            scope.Integer(YamlScope.Get(status, "observedGeneration"), "status.observedGeneration"),
            scope.String(YamlScope.Get(status, "reason"), "status.reason"),
            scope.String(YamlScope.Get(status, "message"), "status.message"),
            scope.String(YamlScope.Get(status, "device"), "status.device"),
            (int?)scope.Integer(YamlScope.Get(status, "sourceAddresses"), "status.sourceAddresses"),
            (int?)scope.Integer(YamlScope.Get(status, "destinationAddresses"), "status.destinationAddresses"),
            conditions.ToEquatableArray());
    }

    private static Condition? ReadCondition(YamlScope scope, YamlNode node, string path)
    {
        if (scope.Mapping(node, path) is not { } map)
            return null;
        scope.OnlyKeys(map, path, ConditionKeys);
        foreach (var key in new[] { "type", "status", "lastTransitionTime" })
            scope.Require(map, path, key);
        var type = scope.String(YamlScope.Get(map, "type"), $"{path}.type");
        var value = scope.String(YamlScope.Get(map, "status"), $"{path}.status");
        var time = Timestamp(scope, YamlScope.Get(map, "lastTransitionTime"), $"{path}.lastTransitionTime");
        var reason = scope.String(YamlScope.Get(map, "reason"), $"{path}.reason") ?? "";
        var message = scope.String(YamlScope.Get(map, "message"), $"{path}.message") ?? "";
        var generation = scope.Integer(YamlScope.Get(map, "observedGeneration"), $"{path}.observedGeneration");
        return type is null || value is null || time is null ? null : new Condition(type, value, reason, message, time.Value, generation);
    }
}
