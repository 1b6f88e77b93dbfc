namespace Ces.Grains.Evaluator;

/// <summary>Numbers the protocol keywords the configuration names, so rules compare protocols as integers.</summary>
internal sealed class ProtocolIds
{
    /// <summary>A rule or virtual server that takes every protocol.</summary>
    public const int Any = -1;

    /// <summary>A flow protocol no rule names: only <see cref="Any"/> matches it.</summary>
    public const int Unknown = -2;

    private readonly Dictionary<string, int> _ids = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The id of a configured protocol, adding it if new; null, empty and <c>any</c> are <see cref="Any"/>.</summary>
    public int Intern(string? protocol)
    {
        if (string.IsNullOrEmpty(protocol) || protocol.Equals("any", StringComparison.OrdinalIgnoreCase))
        {
            return Any;
        }
        if (!_ids.TryGetValue(protocol, out var id))
        {
            _ids[protocol] = id = _ids.Count;
        }
        return id;
    }

    /// <summary>The id of a flow's protocol, without adding it.</summary>
    public int Lookup(string protocol) => _ids.TryGetValue(protocol, out var id) ? id : Unknown;
}
