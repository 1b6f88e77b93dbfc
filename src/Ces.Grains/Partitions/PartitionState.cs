using System.Collections.Immutable;
using Ces.Abstractions.Api;
using Ces.Abstractions.Messages;
using Ces.Abstractions.Policy;

namespace Ces.Grains.Partitions;

/// <summary>A partition's desired inputs and the changes not yet on the device; replaced, never mutated.</summary>
/// <param name="Pending">When each change not yet written was observed by its source.</param>
public sealed record PartitionState(
    ImmutableSortedDictionary<ObjectRef, RuleDefinition> Rules,
    ImmutableSortedDictionary<string, NamespaceSources> Sources,
    ImmutableList<DateTimeOffset> Pending)
{
    public static PartitionState Empty { get; } = new(
        ImmutableSortedDictionary.Create<ObjectRef, RuleDefinition>(Comparer<ObjectRef>.Create(static (a, b) =>
        {
            var byKind = string.CompareOrdinal(a.Kind, b.Kind);
            var byNamespace = byKind != 0 ? byKind : string.CompareOrdinal(a.Namespace, b.Namespace);
            return byNamespace != 0 ? byNamespace : string.CompareOrdinal(a.Name, b.Name);
        })),
        ImmutableSortedDictionary.Create<string, NamespaceSources>(StringComparer.Ordinal),
        []);

    /// <summary>Sets or removes a rule; an equal value is no change.</summary>
    public PartitionState WithRule(ObjectRef rule, RuleDefinition? definition, DateTimeOffset observedAt)
    {
        var current = Rules.GetValueOrDefault(rule);
        if (current == definition)
        {
            return this;
        }
        var rules = definition is null ? Rules.Remove(rule) : Rules.SetItem(rule, definition);
        return this with { Rules = rules, Pending = Pending.Add(observedAt) };
    }

    /// <summary>Sets a namespace's sources; equal addresses are no change, whenever they were observed.</summary>
    public PartitionState WithSources(NamespaceSources sources)
    {
        var current = Sources.GetValueOrDefault(sources.Namespace);
        var empty = sources.Addresses.IsEmpty && sources.Services.IsEmpty;
        if (current is null ? empty : current.Addresses == sources.Addresses && current.Services == sources.Services)
        {
            return this;
        }
        var all = empty ? Sources.Remove(sources.Namespace) : Sources.SetItem(sources.Namespace, sources);
        return this with { Sources = all, Pending = Pending.Add(sources.ObservedAt) };
    }

    /// <summary>Takes the pending changes for a write, leaving none.</summary>
    public (PartitionState State, ImmutableList<DateTimeOffset> Taken) TakePending() => (this with { Pending = [] }, Pending);

    /// <summary>Puts the changes of a write that did not land back in front of newer ones.</summary>
    public PartitionState Requeue(ImmutableList<DateTimeOffset> changes) => this with { Pending = changes.AddRange(Pending) };
}
