namespace Ces.BigIp.Simulator.Faults;

/// Decides which requests fail: a script of faults for the next matching requests first, then a seeded random rate.
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<FaultRule> _script = [];
    private FaultRate _rate = FaultRate.None;
    private Random _random = new(1);

    internal FaultInjector(IEnumerable<FaultRule> script, FaultRate rate)
    {
        _script.AddRange(script);
        SetRate(rate);
    }

    public int PendingScripted
    {
        get { lock (_gate) return _script.Count; }
    }

    public FaultRate Rate
    {
        get { lock (_gate) return _rate; }
    }

    /// <summary>Queues faults, served in order to the next requests each one matches.</summary>
    public void Enqueue(params IEnumerable<FaultRule> faults)
    {
        lock (_gate) _script.AddRange(faults);
    }

    /// <summary>Replaces the random rate; the seed restarts the sequence so a run can be repeated.</summary>
    public void SetRate(FaultRate rate)
    {
        ArgumentNullException.ThrowIfNull(rate);
        lock (_gate)
        {
            _rate = rate;
            _random = new Random(rate.Seed);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _script.Clear();
            _rate = FaultRate.None;
        }
    }

    internal FaultKind? Next(string path)
    {
        lock (_gate)
        {
            var index = _script.FindIndex(rule => rule.Matches(path));
            if (index >= 0)
            {
                var rule = _script[index];
                _script.RemoveAt(index);
                return rule.Kind;
            }
            if (_rate.Probability <= 0 || _rate.Kinds.Count == 0 || (_rate.PathPrefix is { } prefix && !path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
                return null;
            return _random.NextDouble() < _rate.Probability ? _rate.Kinds[_random.Next(_rate.Kinds.Count)] : null;
        }
    }
}
