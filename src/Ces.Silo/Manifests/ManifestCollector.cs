using System.Collections.Immutable;
using Ces.Abstractions.Api;
using Ces.Abstractions.Collections;
using Ces.Abstractions.Diagnostics;

namespace Ces.Silo.Manifests;

/// <summary>Gathers objects from one or many files, then drops duplicates and builds the snapshot.</summary>
internal sealed class ManifestCollector
{
    private readonly List<(ObjectRef Ref, SourceLocation Location, object Value)> _objects = [];

    public List<Diagnostic> Diagnostics { get; } = [];

    public void Add(ObjectRef reference, SourceLocation location, object value) => _objects.Add((reference, location, value));

    public ManifestReadResult Build()
    {
        var kept = new List<(ObjectRef Ref, SourceLocation Location, object Value)>();
        // GroupBy keeps first-seen order, and only single copies are kept, so the snapshot stays in reading order.
        foreach (var group in _objects.GroupBy(o => o.Ref))
        {
            var copies = group.ToList();
            if (copies.Count == 1)
            {
                kept.Add(copies[0]);
                continue;
            }
            // Which copy wins would depend on file order, so neither does: the object is left out until fixed.
            var places = string.Join(" and ", copies.Select(c => c.Location.ToString()));
            foreach (var copy in copies.Skip(1))
                Diagnostics.Add(Diagnostic.Error(copy.Ref.ToString(), "", $"defined more than once (at {places}); all copies are left out", copy.Location));
        }
        return new ManifestReadResult(Snapshot(kept.Select(k => k.Value)), kept.ToImmutableDictionary(k => k.Ref, k => k.Location), Diagnostics.ToEquatableArray());
    }

    private static ClusterSnapshot Snapshot(IEnumerable<object> values)
    {
        var list = values.ToList();
        return new ClusterSnapshot(
            list.OfType<ExternalService>().ToEquatableArray(),
            list.OfType<EgressRule>().ToEquatableArray(),
            list.OfType<NamespaceObject>().ToEquatableArray(),
            list.OfType<PodObject>().ToEquatableArray(),
            list.OfType<EndpointSliceObject>().ToEquatableArray());
    }
}
