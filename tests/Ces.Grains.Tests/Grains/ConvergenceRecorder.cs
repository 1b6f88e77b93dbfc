using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Ces.Grains.Telemetry;

namespace Ces.Grains.Tests.Grains;

/// <summary>Collects <c>ces.convergence.duration</c> measurements while it lives, for percentiles in a test's report.</summary>
internal sealed class ConvergenceRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentBag<double> _seconds = [];

    public ConvergenceRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == CesTelemetry.Name && instrument.Name == "ces.convergence.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, value, _, _) => _seconds.Add(value));
        _listener.Start();
    }

    public int Count => _seconds.Count;

    public double Percentile(double p)
    {
        var sorted = _seconds.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    public void Dispose() => _listener.Dispose();
}
