using Ces.Abstractions.Api;
using Ces.Abstractions.Diagnostics;
using Ces.Abstractions.Policy;
using Ces.Grains.As3;

namespace Ces.Grains.Compiler;

/// <summary>CES manifests and config → AS3 tenant declarations. Pure: no I/O, no clock; same input, same bytes out.</summary>
public static class PolicyCompiler
{
    public static CompileResult Compile(ClusterSnapshot snapshot, CompilerSettings settings)
    {
        var diagnostics = new List<Diagnostic>();
        var outcomes = new List<RuleOutcome>();
        var states = DesiredStateBuilder.Build(snapshot, settings, diagnostics, outcomes);
        var builder = new TenantModelBuilder(settings.Config, diagnostics);
        var tenants = states.Select(state => CompileTenant(state, builder, settings)).ToList();
        return new CompileResult([.. tenants], [.. outcomes.OrderBy(o => o.Rule.ToString(), StringComparer.Ordinal)], [.. diagnostics], [.. states]);
    }

    /// <summary>Compiles one tenant from its desired state; the grain pipeline calls this per partition.</summary>
    public static TenantDeclaration CompileTenant(TenantDesiredState state, TenantModelBuilder builder, CompilerSettings settings)
    {
        var model = builder.Build(state);
        return new TenantDeclaration(state.Tenant.Name, model, As3Writer.Write(model, settings.Config.SchemaVersion, settings.Indented), [.. builder.Bindings(model, state.Tenant)]);
    }
}
