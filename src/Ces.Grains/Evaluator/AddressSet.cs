namespace Ces.Grains.Evaluator;

/// <summary>The addresses one side of a rule matches: numeric ranges grouped for binary search, plus FQDNs resolved per flow.</summary>
internal sealed class AddressSet
{
    private readonly RangeBucket[] _buckets;
    private readonly string[] _fqdns;

    public AddressSet(IEnumerable<AddressRange> ranges, IEnumerable<string> fqdns)
    {
        _buckets = RangeBucket.Group(ranges);
        _fqdns = [.. fqdns.Select(FqdnTable.Normalize).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    private AddressSet()
    {
        MatchesAll = true;
        _buckets = [];
        _fqdns = [];
    }

    /// <summary>An unconstrained side (no lists, no addresses): AFM matches any address.</summary>
    public static AddressSet All { get; } = new();

    public bool MatchesAll { get; }

    public bool HasFqdns => _fqdns.Length > 0;

    /// <summary>The numeric ranges, whatever their route domain.</summary>
    public IEnumerable<AddressRange> Ranges => _buckets.SelectMany(b => b.Ranges);

    public bool Contains(IpKey ip, int routeDomain, FqdnTable fqdns)
    {
        if (MatchesAll)
        {
            return true;
        }
        foreach (var bucket in _buckets)
        {
            if (bucket.Contains(ip, routeDomain))
            {
                return true;
            }
        }
        foreach (var name in _fqdns)
        {
            if (fqdns.Resolves(name, ip, routeDomain))
            {
                return true;
            }
        }
        return false;
    }
}
