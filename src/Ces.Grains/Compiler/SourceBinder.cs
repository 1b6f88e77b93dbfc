using Ces.Abstractions.Api;
using Ces.Abstractions.Config;
using Ces.Abstractions.Policy;

namespace Ces.Grains.Compiler;

/// <summary>Binds a rule to its current source addresses; no addresses means no rule at all (fail closed).</summary>
public static class SourceBinder
{
    /// <summary>The rule's source, or null when it has a source list but no address is known for it.</summary>
    public static RuleSource? Bind(RuleDefinition rule, ISourceLookup sources)
    {
        if (rule.SourceListName is not { } listName)
        {
            return RuleSource.Any;
        }
        var addresses = rule.Scope switch
        {
            EgressScope.Cluster => sources.ForCluster(),
            EgressScope.Namespace => sources.ForNamespace(rule.Namespace),
            _ => sources.ForService(rule.Namespace, rule.Service!),
        };
        return addresses.Count == 0 ? null : new RuleSource(listName, [.. addresses]);
    }

    /// <summary>Why a rule has no source, in words for its status.</summary>
    public static string NoSourceMessage(RuleDefinition rule, NamespaceSourceMode mode) => rule.Scope switch
    {
        EgressScope.Cluster => "no pod addresses are known in the cluster; the rule is not enforced until there are (fail closed)",
        EgressScope.Service => $"Service {rule.Namespace}/{rule.Service} has no ready endpoints; the rule allows nothing until it has (fail closed)",
        _ when mode == NamespaceSourceMode.KubeOvnCidr =>
            $"namespace {rule.Namespace} has no {CesApi.OvnCidrAnnotation} annotation; the rule allows nothing until it has (fail closed)",
        _ => $"namespace {rule.Namespace} has no running pods with an IP; the rule allows nothing until it has (fail closed)",
    };
}
