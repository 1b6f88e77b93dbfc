namespace Ces.Silo.Devices;

/// <summary>Counters of what the device client did to reach the device: retries, backoff, circuit breaks, logins.</summary>
public sealed class DeviceClientStats
{
    private long _attempts;
    private long _retries;
    private long _backoffTicks;
    private long _busy;
    private long _circuitOpenings;
    private long _shortCircuits;
    private long _logins;

    public DeviceClientStatsSnapshot Snapshot() => new(
        Interlocked.Read(ref _attempts),
        Interlocked.Read(ref _retries),
        TimeSpan.FromTicks(Interlocked.Read(ref _backoffTicks)),
        Interlocked.Read(ref _busy),
        Interlocked.Read(ref _circuitOpenings),
        Interlocked.Read(ref _shortCircuits),
        Interlocked.Read(ref _logins));

    internal void Attempt() => Interlocked.Increment(ref _attempts);

    internal void Retry(TimeSpan delay, bool busy)
    {
        Interlocked.Increment(ref _retries);
        Interlocked.Add(ref _backoffTicks, delay.Ticks);
        if (busy)
            Interlocked.Increment(ref _busy);
    }

    internal void CircuitOpened() => Interlocked.Increment(ref _circuitOpenings);

    internal void ShortCircuited() => Interlocked.Increment(ref _shortCircuits);

    internal void Login() => Interlocked.Increment(ref _logins);
}
