using System.Collections.Frozen;
using Ces.Abstractions.Afm;
using Ces.Abstractions.Api;
using Ces.Abstractions.Config;
using Ces.Abstractions.Diagnostics;
using Ces.Abstractions.Validation;

namespace Ces.Grains.Compiler;

/// <summary>Validates the cluster's objects and resolves each rule's destinations and sources into its tenant.</summary>
/// <remarks>Level-triggered: the result depends only on the snapshot and settings, never on what a device holds.</remarks>
public sealed class DesiredStateBuilder
{
    private readonly CompilerSettings _settings;
    private readonly As3Names _names;
    private readonly TenantMap _tenants;
    private readonly ICollection<Diagnostic> _diagnostics;
    private readonly ICollection<RuleOutcome> _outcomes;
    private Dictionary<(string, string), Destination?> _destinations = [];
    private SourceIndex? _sources;
    private RuleSource _clusterSource = RuleSource.Any;

    private DesiredStateBuilder(CompilerSettings settings, ICollection<Diagnostic> diagnostics, ICollection<RuleOutcome> outcomes)
    {
        _settings = settings;
        _names = new As3Names(settings.Config.ClusterName, settings.Config.MasterCluster);
        _tenants = new TenantMap(settings.Config);
        _diagnostics = diagnostics;
        _outcomes = outcomes;
    }

    public static IReadOnlyList<TenantDesiredState> Build(
        ClusterSnapshot snapshot, CompilerSettings settings, ICollection<Diagnostic> diagnostics, ICollection<RuleOutcome> outcomes)
    {
        var builder = new DesiredStateBuilder(settings, diagnostics, outcomes);
        builder.ValidateExternalServices(snapshot);
        builder._sources = SourceIndex.Build(snapshot, settings.Config.NamespaceSource, diagnostics);
        builder._clusterSource = builder.ClusterSource();
        var byTenant = new Dictionary<string, List<ResolvedRule>>(StringComparer.Ordinal);
        foreach (var rule in snapshot.Rules.OrderBy(r => r.Ref.ToString(), StringComparer.Ordinal))
        {
            if (builder.Resolve(rule) is ({ } tenant, { } resolved))
            {
                (byTenant.TryGetValue(tenant, out var list) ? list : byTenant[tenant] = []).Add(resolved);
            }
        }
        return [.. builder._tenants.Tenants.Select(t => new TenantDesiredState(t,
            [.. (byTenant.TryGetValue(t.Name, out var rules) ? rules : []).Order(ResolvedRule.PolicyOrder)]))];
    }

    private void ValidateExternalServices(ClusterSnapshot snapshot)
    {
        var version = SchemaVersion.TryParse(_settings.Config.SchemaVersion, out var v) ? v : SchemaVersion.Parse(CesConfig.DefaultSchemaVersion);
        var validator = new ExternalServiceValidator(_settings.Config.IRule.ToFrozenSet(StringComparer.Ordinal), FirewallProtocols.For(version));
        _destinations = new Dictionary<(string, string), Destination?>(snapshot.ExternalServices.Count);
        foreach (var service in snapshot.ExternalServices.OrderBy(s => s.Ref.ToString(), StringComparer.Ordinal))
        {
            _destinations[(service.Metadata.Namespace ?? "", service.Metadata.Name)] = validator.Validate(service, _diagnostics);
        }
    }

    /// <summary>Cluster rules match this cluster's pods in the global context; with route domains, each address carries its own.</summary>
    private RuleSource ClusterSource()
    {
        if (_settings.Config.ClusterRuleSource == ClusterRuleSourceMode.Any)
        {
            return RuleSource.Any;
        }
        var addresses = _sources!.Namespaces
            .SelectMany(ns =>
            {
                var routeDomain = _tenants.ForNamespace(ns) is { } tenant ? _tenants.RouteDomainId(tenant) : 0;
                return _sources.ForNamespace(ns).Select(a => RouteDomainAddress.Qualify(a, routeDomain));
            })
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        return new RuleSource(_names.ClusterSource, [.. addresses]);
    }

    private (string? Tenant, ResolvedRule? Rule) Resolve(EgressRule rule)
    {
        var subject = rule.Ref.ToString();
        if (!ValidateSpec(rule, subject))
        {
            _outcomes.Add(new RuleOutcome(rule.Ref, RuleOutcomeKind.Invalid, null, "invalid spec"));
            return default;
        }
        var tenant = rule.Scope == EgressScope.Cluster ? _settings.Config.Common : _tenants.ForNamespace(rule.Ref.Namespace);
        if (tenant is null)
        {
            Skip(rule, RuleOutcomeKind.OutOfScope, null, "", $"namespace {rule.Ref.Namespace} is mapped to no tenant in ces-conf.yaml; the rule is not enforced");
            return default;
        }
        var destinations = ResolveDestinations(rule, subject);
        if (destinations.Count == 0)
        {
            Skip(rule, RuleOutcomeKind.NoDestinations, tenant.Name, "spec.externalServices", "no ExternalService it names exists and is valid; the rule is not enforced");
            return default;
        }
        var source = SourceOf(rule);
        if (source.ListName is not null && source.Addresses.IsEmpty)
        {
            Skip(rule, RuleOutcomeKind.NoSources, tenant.Name, rule.Scope == EgressScope.Service ? "spec.service" : "", NoSourceMessage(rule));
            return default;
        }
        var resolved = new ResolvedRule(rule.Scope, rule.Ref, rule.Spec.Action!, rule.Spec.Logging, rule.Metadata.CreationTimestamp, [.. destinations], source);
        if (NameTooLong(resolved, tenant) is { } badName)
        {
            _diagnostics.Add(Diagnostic.Error(subject, "metadata.name", badName));
            _outcomes.Add(new RuleOutcome(rule.Ref, RuleOutcomeKind.Invalid, tenant.Name, badName));
            return default;
        }
        _outcomes.Add(new RuleOutcome(rule.Ref, RuleOutcomeKind.Programmed, tenant.Name, "compiled",
            source.Addresses.Count, destinations.Sum(d => d.AddressCount)));
        return (tenant.Name, resolved);
    }

    private bool ValidateSpec(EgressRule rule, string subject)
    {
        var errors = _diagnostics.Count;
        if (rule.Spec.Action is not { } action || !EgressActions.All.Contains(action))
        {
            _diagnostics.Add(Diagnostic.Error(subject, "spec.action", $"'{rule.Spec.Action}' is not one of accept, accept-decisively, drop, reject"));
        }
        if (rule.Spec.ExternalServices.IsEmpty)
        {
            _diagnostics.Add(Diagnostic.Error(subject, "spec.externalServices", "at least one ExternalService is required"));
        }
        if (rule.Scope != EgressScope.Cluster && string.IsNullOrEmpty(rule.Ref.Namespace))
        {
            _diagnostics.Add(Diagnostic.Error(subject, "metadata.namespace", $"a {rule.Kind} needs a namespace"));
        }
        if (rule.Scope == EgressScope.Service && string.IsNullOrEmpty(rule.Spec.Service))
        {
            _diagnostics.Add(Diagnostic.Error(subject, "spec.service", "the Service whose endpoints are the source is required"));
        }
        if (!As3NameRules.IsValidNameFragment(rule.Ref.Name) || (rule.Ref.Namespace.Length > 0 && !As3NameRules.IsValidNameFragment(rule.Ref.Namespace)))
        {
            _diagnostics.Add(Diagnostic.Error(subject, "metadata.name", "names may hold only letters, digits, '-', '.' and '_' (they become BIG-IP object names)"));
        }
        return _diagnostics.Count == errors;
    }

    private List<Destination> ResolveDestinations(EgressRule rule, string subject)
    {
        var ns = rule.Scope == EgressScope.Cluster ? _settings.ControllerNamespace : rule.Ref.Namespace;
        var result = new List<Destination>();
        for (var i = 0; i < rule.Spec.ExternalServices.Count; i++)
        {
            var name = rule.Spec.ExternalServices[i];
            if (result.Any(d => d.Name == name))
            {
                continue;
            }
            if (!_destinations.TryGetValue((ns, name), out var destination))
            {
                _diagnostics.Add(Diagnostic.Warning(subject, $"spec.externalServices[{i}]", $"ExternalService {ns}/{name} does not exist; it is left out"));
            }
            else if (destination is null)
            {
                _diagnostics.Add(Diagnostic.Warning(subject, $"spec.externalServices[{i}]", $"ExternalService {ns}/{name} is invalid; it is left out"));
            }
            else
            {
                result.Add(destination);
            }
        }
        return result;
    }

    private RuleSource SourceOf(EgressRule rule) => rule.Scope switch
    {
        EgressScope.Cluster => _clusterSource,
        EgressScope.Namespace => new RuleSource(_names.NamespaceSource(rule.Ref.Namespace, rule.Ref.Name), [.. _sources!.ForNamespace(rule.Ref.Namespace)]),
        _ => new RuleSource(_names.ServiceSource(rule.Ref.Namespace, rule.Ref.Name, rule.Spec.Service!),
            [.. _sources!.ForService(rule.Ref.Namespace, rule.Spec.Service!)]),
    };

    private string NoSourceMessage(EgressRule rule) => rule.Scope switch
    {
        EgressScope.Cluster => "no pod addresses are known in the cluster; the rule is not enforced until there are (fail closed)",
        EgressScope.Service => $"Service {rule.Ref.Namespace}/{rule.Spec.Service} has no ready endpoints; the rule allows nothing until it has (fail closed)",
        _ when _settings.Config.NamespaceSource == NamespaceSourceMode.KubeOvnCidr =>
            $"namespace {rule.Ref.Namespace} has no {CesApi.OvnCidrAnnotation} annotation; the rule allows nothing until it has (fail closed)",
        _ => $"namespace {rule.Ref.Namespace} has no running pods with an IP; the rule allows nothing until it has (fail closed)",
    };

    private void Skip(EgressRule rule, RuleOutcomeKind kind, string? tenant, string field, string message)
    {
        _diagnostics.Add(Diagnostic.Warning(rule.Ref.ToString(), field, message));
        _outcomes.Add(new RuleOutcome(rule.Ref, kind, tenant, message));
    }

    private string? NameTooLong(ResolvedRule rule, TenantConfig tenant)
    {
        var names = rule.Destinations.SelectMany(d => d.PortGroups.Where(g => !g.Ports.IsEmpty)
                .Select(g => _names.DestinationPorts(rule.Scope, rule.Namespace, rule.Name, d.Name, g.Key))
                .Append(_names.DestinationAddresses(rule.Scope, rule.Namespace, rule.Name, d.Name))
                .Append(_names.RuleList(rule.Scope, rule.Namespace, rule.Name, d.Name)))
            .Append(rule.Source.ListName ?? _names.RuleList(rule.Scope, rule.Namespace, rule.Name, ""));
        foreach (var name in names)
        {
            var path = As3NameRules.Path(tenant.Name, AfmTenant.Application, name);
            if (!As3NameRules.IsValidItemName(name) || path.Length > As3NameRules.MaxPathLength)
            {
                return $"it would name BIG-IP object {path} ({path.Length} characters); AS3 allows at most {As3NameRules.MaxPathLength} — shorten the rule, namespace, Service or ExternalService name";
            }
        }
        return null;
    }
}
