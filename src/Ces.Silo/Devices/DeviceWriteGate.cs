using System.Collections.Concurrent;

namespace Ces.Silo.Devices;

/// <summary>One declaration in flight per device: AS3 holds a device-wide lock and answers a second writer with 503.</summary>
/// <remarks>The device grain already serialises writes; this guards callers that bypass it (tools, tests, a second grain activation).</remarks>
internal sealed class DeviceWriteGate
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    public async Task<IDisposable> EnterAsync(string device, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(device, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                gate.Release();
        }
    }
}
