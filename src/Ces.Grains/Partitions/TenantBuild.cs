using Ces.Abstractions.Afm;
using Ces.Abstractions.Config;
using Ces.Abstractions.Diagnostics;
using Ces.Abstractions.Policy;
using Ces.Grains.As3;
using Ces.Grains.Compiler;

namespace Ces.Grains.Partitions;

/// <summary>A partition's desired tenant, compiled: the model, each rule's outcome, and (when needed) its AS3 tenant object and hash.</summary>
/// <remarks>The JSON is written only when asked for: a no-op or a fast-path write compares models and never needs it.</remarks>
public sealed record TenantBuild(AfmTenant Model, string SchemaVersion, IReadOnlyList<RuleOutcome> Outcomes, IReadOnlyList<Diagnostic> Diagnostics)
{
    private readonly Lazy<(string Json, string Hash)> _written = new(() =>
    {
        var json = As3Writer.WriteTenantObject(Model);
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(SchemaVersion + "\n" + json)));
        return (json, hash);
    });

    public string TenantJson => _written.Value.Json;

    /// <summary>SHA-256 of the schema version and the tenant object: what status and drift checks compare.</summary>
    public string Hash => _written.Value.Hash;

    /// <summary>Whether the device, holding <paramref name="applied"/>, already has exactly this tenant.</summary>
    public bool SameAs(TenantBuild? applied) => applied is not null && applied.SchemaVersion == SchemaVersion && applied.Model == Model;

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
        return new TenantBuild(model, settings.Config.SchemaVersion, outcomes, diagnostics);
    }
}
