using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Ces.Grains.Telemetry;

namespace Ces.Bench.Scenario;

/// <summary>Listens to the <c>Ces</c> meter: every convergence sample, and device writes by path and outcome.</summary>
/// <remarks>Samples go to whichever phase is current; phases are separated by a drain, so a sample belongs to the phase that caused it.</remarks>
public sealed class CesMetricsRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Lock _gate = new();
    private List<double> _convergence = [];
    private ConcurrentDictionary<string, long> _writes = new(StringComparer.Ordinal);
    private long _batchChanges;
    private long _batches;

    public CesMetricsRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == CesTelemetry.Name && instrument.Name is "ces.convergence.duration" or "ces.device.writes" or "ces.partition.batch.size")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            lock (_gate)
            {
                _convergence.Add(value);
            }
        });
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? path = null, outcome = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "ces.write.path")
                {
                    path = tag.Value as string;
                }
                else if (tag.Key == "ces.write.outcome")
                {
                    outcome = tag.Value as string;
                }
            }
            _writes.AddOrUpdate($"{path}/{outcome}", value, (_, v) => v + value);
        });
        _listener.SetMeasurementEventCallback<int>((instrument, value, _, _) =>
        {
            Interlocked.Add(ref _batchChanges, value);
            Interlocked.Increment(ref _batches);
        });
        _listener.Start();
    }

    /// <summary>Takes what was recorded since the last call.</summary>
    public PhaseMetrics Take()
    {
        List<double> samples;
        lock (_gate)
        {
            (samples, _convergence) = (_convergence, []);
        }
        var writes = Interlocked.Exchange(ref _writes, new ConcurrentDictionary<string, long>(StringComparer.Ordinal));
        return new PhaseMetrics(samples, new Dictionary<string, long>(writes, StringComparer.Ordinal),
            Interlocked.Exchange(ref _batches, 0), Interlocked.Exchange(ref _batchChanges, 0));
    }

    public void Dispose() => _listener.Dispose();
}

/// <summary>What the meter saw in one phase.</summary>
/// <param name="Writes">Device writes keyed <c>path/outcome</c> (as3|fast / applied|unchanged|rejected|unavailable).</param>
public sealed record PhaseMetrics(List<double> Convergence, Dictionary<string, long> Writes, long Batches, long BatchChanges);
