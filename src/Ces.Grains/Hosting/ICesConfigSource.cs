using Ces.Grains.Compiler;

namespace Ces.Grains.Hosting;

/// <summary>The current compiler settings (ces-conf.yaml and the controller namespace); the silo loads and reloads them.</summary>
public interface ICesConfigSource
{
    CompilerSettings Current { get; }
}
