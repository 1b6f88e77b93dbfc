using Ces.Abstractions.Collections;
using Ces.Abstractions.Config;
using Ces.Abstractions.Diagnostics;

namespace Ces.Silo.Manifests;

/// <summary>A parsed <c>ces-conf.yaml</c>: the config, or null when any error was found, plus every diagnostic.</summary>
public sealed record ConfigReadResult(CesConfig? Config, EquatableArray<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.IsError);
}
