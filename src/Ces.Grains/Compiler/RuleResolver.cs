using Ces.Abstractions.Api;
using Ces.Abstractions.Config;
using Ces.Abstractions.Diagnostics;
using Ces.Abstractions.Policy;
using Ces.Abstractions.Validation;

namespace Ces.Grains.Compiler;

/// <summary>Validates one rule, finds its tenant and resolves its ExternalServices: everything about a rule but its sources.</summary>
/// <remarks>Shared by the snapshot compiler and the policy grain, so both produce the same definition.</remarks>
public sealed class RuleResolver(CompilerSettings settings)
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<CompilerSettings, RuleResolver> Cache = [];
    private readonly As3Names _names = new(settings.Config.ClusterName, settings.Config.MasterCluster);
    private readonly TenantMap _tenants = TenantMap.For(settings.Config);

    /// <summary>The resolver of the given settings, built once per settings value (it holds no per-rule state).</summary>
    public static RuleResolver For(CompilerSettings settings) => Cache.GetValue(settings, s => new RuleResolver(s));

    public RuleResolution Resolve(EgressRule rule, Func<string, string, ExternalServiceLookup> lookup)
    {
        var diagnostics = new List<Diagnostic>();
        var subject = rule.Ref.ToString();
        RuleResolution Fail(RuleOutcomeKind kind, string? tenant, string message) =>
            new(rule.Ref, tenant, null, new RuleOutcome(rule.Ref, kind, tenant, message), [.. diagnostics]);

        if (!ValidateSpec(rule, subject, diagnostics))
        {
            return Fail(RuleOutcomeKind.Invalid, null, string.Join("; ", diagnostics.Where(d => d.IsError).Select(d => $"{d.Field}: {d.Message}")));
        }
        var tenant = rule.Scope == EgressScope.Cluster ? settings.Config.Common : _tenants.ForNamespace(rule.Ref.Namespace);
        if (tenant is null)
        {
            var message = $"namespace {rule.Ref.Namespace} is mapped to no tenant in ces-conf.yaml; the rule is not enforced";
            diagnostics.Add(Diagnostic.Warning(subject, "", message));
            return Fail(RuleOutcomeKind.OutOfScope, null, message);
        }
        var destinations = ResolveDestinations(rule, subject, lookup, diagnostics);
        if (destinations.Count == 0)
        {
            const string message = "no ExternalService it names exists and is valid; the rule is not enforced";
            diagnostics.Add(Diagnostic.Warning(subject, "spec.externalServices", message));
            return Fail(RuleOutcomeKind.NoDestinations, tenant.Name, message);
        }
        var definition = new RuleDefinition(rule.Scope, rule.Ref, rule.Spec.Action!, rule.Spec.Logging, rule.Metadata.CreationTimestamp,
            [.. destinations], rule.Scope == EgressScope.Service ? rule.Spec.Service : null, SourceListName(rule), rule.Spec.IsStaged);
        if (NameTooLong(definition, tenant) is { } tooLong)
        {
            diagnostics.Add(Diagnostic.Error(subject, "metadata.name", tooLong));
            return Fail(RuleOutcomeKind.Invalid, tenant.Name, tooLong);
        }
        return new RuleResolution(rule.Ref, tenant.Name, definition, null, [.. diagnostics]);
    }

    private string? SourceListName(EgressRule rule) => rule.Scope switch
    {
        EgressScope.Cluster => settings.Config.ClusterRuleSource == ClusterRuleSourceMode.Any ? null : _names.ClusterSource,
        EgressScope.Namespace => _names.NamespaceSource(rule.Ref.Namespace, rule.Ref.Name),
        _ => _names.ServiceSource(rule.Ref.Namespace, rule.Ref.Name, rule.Spec.Service!),
    };

    private static bool ValidateSpec(EgressRule rule, string subject, List<Diagnostic> diagnostics)
    {
        if (rule.Spec.Action is not { } action || !EgressActions.All.Contains(action))
        {
            diagnostics.Add(Diagnostic.Error(subject, "spec.action", $"'{rule.Spec.Action}' is not one of accept, accept-decisively, drop, reject"));
        }
        if (rule.Spec.Mode is not (null or EgressRuleSpec.Enforce or EgressRuleSpec.Staged))
        {
            diagnostics.Add(Diagnostic.Error(subject, "spec.mode", $"'{rule.Spec.Mode}' is not one of enforce, staged"));
        }
        if (rule.Spec.ExternalServices.IsEmpty)
        {
            diagnostics.Add(Diagnostic.Error(subject, "spec.externalServices", "at least one ExternalService is required"));
        }
        if (rule.Scope != EgressScope.Cluster && string.IsNullOrEmpty(rule.Ref.Namespace))
        {
            diagnostics.Add(Diagnostic.Error(subject, "metadata.namespace", $"a {rule.Kind} needs a namespace"));
        }
        if (rule.Scope == EgressScope.Service && string.IsNullOrEmpty(rule.Spec.Service))
        {
            diagnostics.Add(Diagnostic.Error(subject, "spec.service", "the Service whose endpoints are the source is required"));
        }
        if (!As3NameRules.IsValidNameFragment(rule.Ref.Name) || (rule.Ref.Namespace.Length > 0 && !As3NameRules.IsValidNameFragment(rule.Ref.Namespace)))
        {
            diagnostics.Add(Diagnostic.Error(subject, "metadata.name", "names may hold only letters, digits, '-', '.' and '_' (they become BIG-IP object names)"));
        }
        return !diagnostics.Any(d => d.IsError);
    }

    private List<Destination> ResolveDestinations(EgressRule rule, string subject, Func<string, string, ExternalServiceLookup> lookup, List<Diagnostic> diagnostics)
    {
        var ns = rule.Scope == EgressScope.Cluster ? settings.ControllerNamespace : rule.Ref.Namespace;
        var result = new List<Destination>();
        for (var i = 0; i < rule.Spec.ExternalServices.Count; i++)
        {
            var name = rule.Spec.ExternalServices[i];
            if (result.Any(d => d.Name == name))
            {
                continue;
            }
            var found = lookup(ns, name);
            if (found.Destination is { } destination)
            {
                result.Add(destination);
                continue;
            }
            var why = found.Exists ? "is invalid" : "does not exist";
            diagnostics.Add(Diagnostic.Warning(subject, $"spec.externalServices[{i}]", $"ExternalService {ns}/{name} {why}; it is left out"));
        }
        return result;
    }

    private string? NameTooLong(RuleDefinition rule, TenantConfig tenant)
    {
        var names = rule.Destinations.SelectMany(d => d.PortGroups.Where(g => !g.Ports.IsEmpty)
                .Select(g => _names.DestinationPorts(rule.Scope, rule.Namespace, rule.Name, d.Name, g.Key))
                .Append(_names.DestinationAddresses(rule.Scope, rule.Namespace, rule.Name, d.Name))
                .Append(_names.RuleList(rule.Scope, rule.Namespace, rule.Name, d.Name)))
            .Append(rule.SourceListName ?? _names.RuleList(rule.Scope, rule.Namespace, rule.Name, ""));
        foreach (var name in names)
        {
            var path = As3NameRules.Path(tenant.Name, Ces.Abstractions.Afm.AfmTenant.Application, name);
            if (!As3NameRules.IsValidItemName(name) || path.Length > As3NameRules.MaxPathLength)
            {
                return $"it would name BIG-IP object {path} ({path.Length} characters); AS3 allows at most {As3NameRules.MaxPathLength} — shorten the rule, namespace, Service or ExternalService name";
            }
        }
        return null;
    }
}
