using Ces.Abstractions.Afm;
using Ces.Abstractions.Collections;
using Ces.Abstractions.Diagnostics;
using Ces.Abstractions.Policy;

namespace Ces.Grains.Compiler;

/// <summary>The compiler's output: one declaration per tenant, what happened to each rule, and every problem found.</summary>
/// <param name="States">Each tenant's resolved rules in policy order, which the declarations were built from.</param>
public sealed record CompileResult(
    EquatableArray<TenantDeclaration> Tenants,
    EquatableArray<RuleOutcome> Rules,
    EquatableArray<Diagnostic> Diagnostics,
    EquatableArray<TenantDesiredState> States = default)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

/// <summary>One tenant's AFM model, its complete AS3 request, and the context bindings it needs after AS3 applied it.</summary>
public sealed record TenantDeclaration(string Tenant, AfmTenant Model, string Json, EquatableArray<ContextBinding> Bindings);
