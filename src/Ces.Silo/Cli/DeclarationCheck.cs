using System.Text.Json.Nodes;
using Ces.Abstractions.Diagnostics;
using Ces.Grains.As3;
using Ces.Grains.Compiler;

namespace Ces.Silo.Cli;

/// <summary>Checks compiled declarations the way AS3 will: F5's schema, then AS3's own post-schema checks.</summary>
public static class DeclarationCheck
{
    public static IEnumerable<Diagnostic> Check(CompileResult result) =>
        result.Tenants.SelectMany(tenant => As3DeclarationValidator.Validate(JsonNode.Parse(tenant.Json)!).AllErrors
            .Select(error => Diagnostic.Error($"tenant {tenant.Tenant}", "declaration", "AS3 would reject it: " + error)));
}
