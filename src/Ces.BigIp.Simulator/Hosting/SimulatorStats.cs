namespace Ces.BigIp.Simulator.Hosting;

/// Counters a client test reads to prove how it treated the device (e.g. never two declarations in flight).
public sealed class SimulatorStats
{
    private long _requests;
    private long _declarationsApplied;
    private long _declarationsRejected;
    private long _busy503;
    private long _faultsInjected;
    private long _saves;
    private long _patches;
    private long _logins;
    private int _concurrentDeclarations;
    private int _maxConcurrentDeclarations;

    public StatsSnapshot Snapshot() => new(
        Interlocked.Read(ref _requests),
        Interlocked.Read(ref _declarationsApplied),
        Interlocked.Read(ref _declarationsRejected),
        Interlocked.Read(ref _busy503),
        Interlocked.Read(ref _faultsInjected),
        Interlocked.Read(ref _saves),
        Interlocked.Read(ref _patches),
        Interlocked.Read(ref _logins),
        Volatile.Read(ref _maxConcurrentDeclarations));

    internal void Request() => Interlocked.Increment(ref _requests);

    internal void Applied() => Interlocked.Increment(ref _declarationsApplied);

    internal void Rejected() => Interlocked.Increment(ref _declarationsRejected);

    internal void Busy() => Interlocked.Increment(ref _busy503);

    internal void Fault() => Interlocked.Increment(ref _faultsInjected);

    internal void Save() => Interlocked.Increment(ref _saves);

    internal void Patch() => Interlocked.Increment(ref _patches);

    internal void Login() => Interlocked.Increment(ref _logins);

    /// <summary>Marks a declaration as running until the returned scope is disposed, tracking the peak.</summary>
    internal IDisposable DeclarationRunning()
    {
        var now = Interlocked.Increment(ref _concurrentDeclarations);
        int peak;
        while (now > (peak = Volatile.Read(ref _maxConcurrentDeclarations)) && Interlocked.CompareExchange(ref _maxConcurrentDeclarations, now, peak) != peak)
        {
        }
        return new Scope(this);
    }

    private sealed class Scope(SimulatorStats stats) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                Interlocked.Decrement(ref stats._concurrentDeclarations);
        }
    }
}
