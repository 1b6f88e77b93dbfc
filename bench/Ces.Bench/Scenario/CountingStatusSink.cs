using Ces.Abstractions.Api;
using Ces.Grains.Hosting;

namespace Ces.Bench.Scenario;

/// <summary>Counts rule status writes instead of sending them to Kubernetes; the benchmark measures the device side.</summary>
public sealed class CountingStatusSink : IRuleStatusSink
{
    private long _writes;

    public long Writes => Interlocked.Read(ref _writes);

    public Task WriteAsync(ObjectRef rule, EgressRuleStatus? status, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _writes);
        return Task.CompletedTask;
    }
}
