using System.Collections;
using System.Collections.Immutable;
using Orleans;

namespace Ces.Abstractions.Collections;

/// <summary>A string-keyed immutable map with value equality and ordinal key order (labels, annotations).</summary>
[GenerateSerializer, Immutable, Alias("ces.EquatableMap")]
public readonly struct EquatableMap : IEquatable<EquatableMap>, IReadOnlyDictionary<string, string>
{
    [Id(0)]
    private readonly ImmutableSortedDictionary<string, string>? _items;

    public EquatableMap(IEnumerable<KeyValuePair<string, string>> items) =>
        _items = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, items);

    public static EquatableMap Empty => new([]);

    private ImmutableSortedDictionary<string, string> Items => _items ?? ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    public string this[string key] => Items[key];

    public IEnumerable<string> Keys => Items.Keys;

    public IEnumerable<string> Values => Items.Values;

    public int Count => Items.Count;

    public bool ContainsKey(string key) => Items.ContainsKey(key);

    public bool TryGetValue(string key, out string value) => Items.TryGetValue(key, out value!);

    public string? GetValueOrDefault(string key) => Items.TryGetValue(key, out var value) ? value : null;

    public bool Equals(EquatableMap other) => Items.SequenceEqual(other.Items);

    public override bool Equals(object? obj) => obj is EquatableMap other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (key, value) in Items)
        {
            hash.Add(key);
            hash.Add(value);
        }
        return hash.ToHashCode();
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => Items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public static bool operator ==(EquatableMap left, EquatableMap right) => left.Equals(right);

    public static bool operator !=(EquatableMap left, EquatableMap right) => !left.Equals(right);
}
