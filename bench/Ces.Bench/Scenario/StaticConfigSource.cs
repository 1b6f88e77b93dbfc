using Ces.Grains.Compiler;
using Ces.Grains.Hosting;

namespace Ces.Bench.Scenario;

/// <summary>The synthetic cluster's config; it never reloads during a run.</summary>
public sealed class StaticConfigSource(CompilerSettings settings) : ICesConfigSource
{
    public CompilerSettings Current => settings;
}
