namespace Ces.Grains.Evaluator;

/// <summary>Per policy, which rules can match a destination address, so a flow checks a few candidates, not every rule.</summary>
/// <remarks>
/// The address space of each family is cut into elementary intervals at every range boundary; each interval lists the
/// rules whose destination covers it, in policy order. Rules matching any destination, naming FQDNs (resolved per flow),
/// or covering more than <see cref="MaxIntervalsPerRule"/> intervals (which would bloat memory) are checked for every flow.
/// The index only narrows candidates: each candidate is still checked in full, so first-match order is kept.
/// </remarks>
internal sealed class DestinationIndex
{
    private const int MaxIntervalsPerRule = 64;

    private readonly int[] _always;
    private readonly FamilyIntervals _v4;
    private readonly FamilyIntervals _v6;

    public DestinationIndex(IReadOnlyList<CompiledRule> rules)
    {
        var always = new List<int>();
        var ranges = new List<(int Rule, AddressRange Range)>();
        for (var i = 0; i < rules.Count; i++)
        {
            var destination = rules[i].Destination;
            if (destination.MatchesAll || destination.HasFqdns)
            {
                always.Add(i);
                continue;
            }
            ranges.AddRange(destination.Ranges.Select(r => (i, r)));
        }
        _v4 = new FamilyIntervals([.. ranges.Where(r => !r.Range.IsV6)]);
        _v6 = new FamilyIntervals([.. ranges.Where(r => r.Range.IsV6)]);
        _always = [.. always.Concat(_v4.Broad).Concat(_v6.Broad).Distinct().Order()];
    }

    /// <summary>The rules that may match the destination, ascending by position in the policy.</summary>
    public CandidateEnumerator Candidates(IpKey destination) =>
        new(_always, (destination.IsV6 ? _v6 : _v4).At(destination.Value));

    /// <summary>Merges two ascending index arrays without allocating.</summary>
    public struct CandidateEnumerator(int[] first, int[] second)
    {
        private int _i;
        private int _j;

        public int Current { get; private set; }

        public bool MoveNext()
        {
            if (_i < first.Length && (_j >= second.Length || first[_i] <= second[_j]))
            {
                Current = first[_i++];
                if (_j < second.Length && second[_j] == Current)
                {
                    _j++;
                }
                return true;
            }
            if (_j < second.Length)
            {
                Current = second[_j++];
                return true;
            }
            return false;
        }
    }

    /// <summary>The elementary intervals of one address family and the rules covering each.</summary>
    private sealed class FamilyIntervals
    {
        private readonly UInt128[] _starts;
        private readonly int[][] _rules;

        public FamilyIntervals(IReadOnlyList<(int Rule, AddressRange Range)> ranges)
        {
            var points = new List<UInt128>(ranges.Count * 2);
            foreach (var (_, range) in ranges)
            {
                points.Add(range.First);
                if (range.Last != UInt128.MaxValue)
                {
                    points.Add(range.Last + 1);
                }
            }
            points.Sort();
            _starts = [.. points.Distinct()];
            var lists = new List<int>[_starts.Length];
            var broad = new SortedSet<int>();
            foreach (var (rule, range) in ranges)
            {
                var from = Array.BinarySearch(_starts, range.First);
                var to = range.Last == UInt128.MaxValue ? _starts.Length : Array.BinarySearch(_starts, range.Last + 1);
                if (to - from > MaxIntervalsPerRule)
                {
                    broad.Add(rule);
                    continue;
                }
                for (var k = from; k < to; k++)
                {
                    var list = lists[k] ??= [];
                    if (list.Count == 0 || list[^1] != rule)
                    {
                        list.Add(rule);
                    }
                }
            }
            _rules = [.. lists.Select(l => l is null ? [] : broad.Count == 0 ? l.ToArray() : l.Where(r => !broad.Contains(r)).ToArray())];
            Broad = broad;
        }

        public IReadOnlyCollection<int> Broad { get; }

        public int[] At(UInt128 value)
        {
            // The last interval starting at or before the value holds it.
            var index = Array.BinarySearch(_starts, value);
            index = index >= 0 ? index : ~index - 1;
            return index < 0 ? [] : _rules[index];
        }
    }
}
