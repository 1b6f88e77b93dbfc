using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Ces.Grains.Telemetry;

/// <summary>The one home of CES's instruments: a meter and an activity source, both named <c>Ces</c>.</summary>
public sealed class CesTelemetry
{
    public const string Name = "Ces";

    public static readonly ActivitySource ActivitySource = new(Name);

    public CesTelemetry(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        Convergence = meter.CreateHistogram<double>("ces.convergence.duration", "s", "Source event to device acknowledgement",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 1.5, 2.5, 5, 10, 30, 60, 120] });
        DeviceWriteDuration = meter.CreateHistogram<double>("ces.device.write.duration", "s", "Time of one device write");
        DeviceWrites = meter.CreateCounter<long>("ces.device.writes", "{write}", "Device writes by path and outcome");
        BatchSize = meter.CreateHistogram<int>("ces.partition.batch.size", "{change}", "Changes merged into one partition write");
        Changes = meter.CreateCounter<long>("ces.partition.changes", "{change}", "Changes that reached a partition");
        Coalesced = meter.CreateCounter<long>("ces.partition.coalesced", "{change}", "Changes that shared a write with an earlier change");
        Failures = meter.CreateCounter<long>("ces.device.failures", "{failure}", "Device writes that were refused or could not be made");
        Retries = meter.CreateCounter<long>("ces.device.retries", "{retry}", "Device writes sent again after the device was unavailable");
        Events = meter.CreateCounter<long>("ces.source.events", "{event}", "Changes reported by a source");
    }

    public Histogram<double> Convergence { get; }

    public Histogram<double> DeviceWriteDuration { get; }

    public Counter<long> DeviceWrites { get; }

    public Histogram<int> BatchSize { get; }

    public Counter<long> Changes { get; }

    public Counter<long> Coalesced { get; }

    public Counter<long> Failures { get; }

    public Counter<long> Retries { get; }

    public Counter<long> Events { get; }

    /// <summary>Counts one device write by path and outcome, with its duration; unavailable and rejected ones count as failures.</summary>
    public void RecordDeviceWrite(string device, string path, Devices.DeviceWriteResult result, TimeSpan elapsed)
    {
        var outcome = result switch
        {
            Devices.DeviceWriteResult.Unavailable => "unavailable",
            Devices.DeviceWriteResult.Completed c when c.Tenants.Values.Any(t => t.Outcome == Abstractions.Messages.WriteOutcome.Rejected) => "rejected",
            Devices.DeviceWriteResult.Completed c when c.Tenants.Values.All(t => t.Outcome == Abstractions.Messages.WriteOutcome.Unchanged) => "unchanged",
            _ => "applied",
        };
        KeyValuePair<string, object?>[] tags = [new("ces.device", device), new("ces.write.path", path), new("ces.write.outcome", outcome)];
        DeviceWrites.Add(1, tags);
        DeviceWriteDuration.Record(elapsed.TotalSeconds, tags);
        if (outcome is "unavailable" or "rejected")
        {
            Failures.Add(1, tags);
        }
    }
}
