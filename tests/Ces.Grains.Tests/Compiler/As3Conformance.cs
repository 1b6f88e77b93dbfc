using System.Text.Json.Nodes;
using Ces.Grains.As3;
using Ces.Grains.Compiler;

namespace Ces.Grains.Tests.Compiler;

/// <summary>Asserts every declaration of a compile result is one AS3 accepts: F5's schema, then AS3's post checks.</summary>
internal static class As3Conformance
{
    public static void AssertValid(CompileResult result)
    {
        foreach (var tenant in result.Tenants)
        {
            var validation = As3DeclarationValidator.Validate(JsonNode.Parse(tenant.Json)!);
            Assert.True(validation.IsValid, $"tenant {tenant.Tenant} is not a valid AS3 declaration:\n" + string.Join("\n", validation.AllErrors));
        }
    }
}
