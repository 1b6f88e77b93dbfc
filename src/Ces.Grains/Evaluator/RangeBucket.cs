namespace Ces.Grains.Evaluator;

/// <summary>Disjoint, sorted address ranges of one family and route domain, searched by binary search.</summary>
internal sealed class RangeBucket
{
    private readonly UInt128[] _firsts;
    private readonly UInt128[] _lasts;

    private RangeBucket(bool isV6, int routeDomain, UInt128[] firsts, UInt128[] lasts)
    {
        IsV6 = isV6;
        RouteDomain = routeDomain;
        _firsts = firsts;
        _lasts = lasts;
    }

    public bool IsV6 { get; }

    public int RouteDomain { get; }

    /// <summary>The merged ranges, in address order.</summary>
    public IEnumerable<AddressRange> Ranges => _firsts.Select((first, i) => new AddressRange(IsV6, first, _lasts[i], RouteDomain));

    /// <summary>Groups ranges by family and route domain and merges overlapping or adjacent ones.</summary>
    public static RangeBucket[] Group(IEnumerable<AddressRange> ranges) =>
        [.. ranges
            .GroupBy(r => (r.IsV6, r.RouteDomain))
            .OrderBy(g => g.Key.IsV6).ThenBy(g => g.Key.RouteDomain)
            .Select(g => Merge(g.Key.IsV6, g.Key.RouteDomain, g.OrderBy(r => r.First)))];

    public bool Contains(IpKey ip, int routeDomain)
    {
        if (ip.IsV6 != IsV6 || (RouteDomain != AddressRange.AnyRouteDomain && RouteDomain != routeDomain))
        {
            return false;
        }
        // The last range starting at or before the address is the only one that can hold it.
        int low = 0, high = _firsts.Length - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            if (_firsts[mid] <= ip.Value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        return high >= 0 && ip.Value <= _lasts[high];
    }

    private static RangeBucket Merge(bool isV6, int routeDomain, IEnumerable<AddressRange> sorted)
    {
        var firsts = new List<UInt128>();
        var lasts = new List<UInt128>();
        foreach (var range in sorted)
        {
            if (lasts.Count > 0 && (lasts[^1] == UInt128.MaxValue || range.First <= lasts[^1] + 1))
            {
                lasts[^1] = UInt128.Max(lasts[^1], range.Last);
                continue;
            }
            firsts.Add(range.First);
            lasts.Add(range.Last);
        }
        return new RangeBucket(isV6, routeDomain, [.. firsts], [.. lasts]);
    }
}
