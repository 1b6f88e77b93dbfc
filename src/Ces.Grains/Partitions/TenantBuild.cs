using Ces.Abstractions.Afm;
using Ces.Abstractions.Config;
using Ces.Abstractions.Diagnostics;
using Ces.Abstractions.Policy;
using Ces.Grains.As3;
using Ces.Grains.Compiler;

namespace Ces.Grains.Partitions;

/// <summary>A partition's desired tenant, compiled: the model, its AS3 tenant object and hash, and each rule's outcome.</summary>
public sealed record TenantBuild(AfmTenant Model, string TenantJson, string Hash, IReadOnlyList<RuleOutcome> Outcomes, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Binds every rule to the partition's sources and compiles the tenant; pure.</summary>
    public static TenantBuild From(PartitionState state, TenantConfig tenant, CompilerSettings settings)
    {
        var diagnostics = new List<Diagnostic>();
        var outcomes = new List<RuleOutcome>();
        var sources = new PartitionSources(state.Sources, TenantMap.For(settings.Config));
        var rules = new List<ResolvedRule>();
        foreach (var definition in state.Rules.Values)
        {
            var resolution = new RuleResolution(definition.Ref, tenant.Name, definition, null, []);
            if (DesiredStateBuilder.Bind(resolution, sources, settings.Config.NamespaceSource, diagnostics, outcomes) is { } resolved)
            {
                rules.Add(resolved);
            }
        }
        var model = new TenantModelBuilder(settings.Config, diagnostics).Build(new TenantDesiredState(tenant, [.. rules.Order(ResolvedRule.PolicyOrder)]));
        var json = As3Writer.WriteTenantObject(model);
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(settings.Config.SchemaVersion + "\n" + json)));
        return new TenantBuild(model, json, hash, outcomes, diagnostics);
    }
}
