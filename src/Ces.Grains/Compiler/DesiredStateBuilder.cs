using System.Collections.Frozen;
using Ces.Abstractions.Api;
using Ces.Abstractions.Config;
using Ces.Abstractions.Diagnostics;
using Ces.Abstractions.Policy;
using Ces.Abstractions.Validation;

namespace Ces.Grains.Compiler;

/// <summary>Validates a cluster snapshot and resolves each rule's destinations and sources into its tenant.</summary>
/// <remarks>Level-triggered: the result depends only on the snapshot and settings, never on what a device holds.</remarks>
public static class DesiredStateBuilder
{
    public static IReadOnlyList<TenantDesiredState> Build(
        ClusterSnapshot snapshot, CompilerSettings settings, ICollection<Diagnostic> diagnostics, ICollection<RuleOutcome> outcomes)
    {
        var destinations = ValidateExternalServices(snapshot, settings.Config, diagnostics);
        var tenants = TenantMap.For(settings.Config);
        var sources = SourceIndex.Build(snapshot, settings.Config.NamespaceSource, tenants, diagnostics);
        var resolver = RuleResolver.For(settings);
        ExternalServiceLookup Lookup(string ns, string name) =>
            destinations.TryGetValue((ns, name), out var found) ? ExternalServiceLookup.Of(found) : ExternalServiceLookup.Missing;

        var byTenant = new Dictionary<string, List<ResolvedRule>>(StringComparer.Ordinal);
        foreach (var rule in snapshot.Rules.OrderBy(r => r.Ref.ToString(), StringComparer.Ordinal))
        {
            var resolution = resolver.Resolve(rule, Lookup);
            foreach (var diagnostic in resolution.Diagnostics)
            {
                diagnostics.Add(diagnostic);
            }
            if (Bind(resolution, sources, settings.Config.NamespaceSource, diagnostics, outcomes) is { } resolved)
            {
                (byTenant.TryGetValue(resolution.Tenant!, out var list) ? list : byTenant[resolution.Tenant!] = []).Add(resolved);
            }
        }
        return [.. tenants.Tenants.Select(t => new TenantDesiredState(t,
            [.. (byTenant.TryGetValue(t.Name, out var rules) ? rules : []).Order(ResolvedRule.PolicyOrder)]))];
    }

    /// <summary>Binds a resolved rule to its sources and records its outcome; null when it stays off the device.</summary>
    public static ResolvedRule? Bind(
        RuleResolution resolution, ISourceLookup sources, NamespaceSourceMode mode, ICollection<Diagnostic> diagnostics, ICollection<RuleOutcome> outcomes)
    {
        if (resolution.Definition is not { } definition)
        {
            outcomes.Add(resolution.Failure!);
            return null;
        }
        if (SourceBinder.Bind(definition, sources) is not { } source)
        {
            var message = SourceBinder.NoSourceMessage(definition, mode);
            diagnostics.Add(Diagnostic.Warning(definition.Ref.ToString(), definition.Scope == EgressScope.Service ? "spec.service" : "", message));
            outcomes.Add(new RuleOutcome(definition.Ref, RuleOutcomeKind.NoSources, resolution.Tenant, message));
            return null;
        }
        outcomes.Add(new RuleOutcome(definition.Ref, RuleOutcomeKind.Programmed, resolution.Tenant, "compiled",
            source.Addresses.Count, definition.DestinationAddressCount));
        return new ResolvedRule(definition, source);
    }

    private static Dictionary<(string, string), Destination?> ValidateExternalServices(ClusterSnapshot snapshot, CesConfig config, ICollection<Diagnostic> diagnostics)
    {
        var validator = ExternalServiceValidator.For(config);
        var destinations = new Dictionary<(string, string), Destination?>(snapshot.ExternalServices.Count);
        foreach (var service in snapshot.ExternalServices.OrderBy(s => s.Ref.ToString(), StringComparer.Ordinal))
        {
            destinations[(service.Metadata.Namespace ?? "", service.Metadata.Name)] = validator.Validate(service, diagnostics);
        }
        return destinations;
    }
}
