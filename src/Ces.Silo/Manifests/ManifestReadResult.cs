using System.Collections.Immutable;
using Ces.Abstractions.Api;
using Ces.Abstractions.Collections;
using Ces.Abstractions.Diagnostics;

namespace Ces.Silo.Manifests;

/// <summary>What a manifest read produced: the valid objects, where each was read from, and every problem found.</summary>
/// <param name="Snapshot">The objects without errors, in reading order.</param>
/// <param name="Locations">File and line of each object in <paramref name="Snapshot"/>, for later diagnostics about it.</param>
/// <param name="Diagnostics">Errors (the object was left out) and warnings, in reading order.</param>
public sealed record ManifestReadResult(
    ClusterSnapshot Snapshot,
    ImmutableDictionary<ObjectRef, SourceLocation> Locations,
    EquatableArray<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.IsError);

    public SourceLocation? LocationOf(ObjectRef reference) => Locations.GetValueOrDefault(reference);
}
