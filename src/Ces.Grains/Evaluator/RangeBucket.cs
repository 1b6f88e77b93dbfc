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
    public static RangeBucket[] Group(IEnumerable<AddressRange> ranges)
    {
        var all = ranges.ToArray();
        if (all.Length == 0)
        {
            return [];
        }
        // Sorting by (family, route domain, first) makes each bucket a run, merged in one pass.
        Array.Sort(all, (a, b) => a.IsV6 != b.IsV6 ? a.IsV6.CompareTo(b.IsV6)
            : a.RouteDomain != b.RouteDomain ? a.RouteDomain.CompareTo(b.RouteDomain)
            : a.First.CompareTo(b.First));
        var buckets = new List<RangeBucket>();
        var start = 0;
        for (var i = 1; i <= all.Length; i++)
        {
            if (i == all.Length || all[i].IsV6 != all[start].IsV6 || all[i].RouteDomain != all[start].RouteDomain)
            {
                buckets.Add(Merge(all[start].IsV6, all[start].RouteDomain, all.AsSpan(start, i - start)));
                start = i;
            }
        }
        return [.. buckets];
    }

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

    private static RangeBucket Merge(bool isV6, int routeDomain, ReadOnlySpan<AddressRange> sorted)
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
