using System.Diagnostics;
using System.Threading.Channels;
using Ces.Abstractions.Api;
using Ces.Abstractions.Config;
using Ces.Grains.Compiler;
using Ces.Grains.Devices;

namespace Ces.Bench.Scenario;

/// <summary>CES 0.5's way of writing (ces-behaviour.md §5): one full tenant declaration per source event, in order, one at a time.</summary>
/// <remarks>
/// No coalescing, no fast path, one global writer (CES's mutex). Kinder than CES 0.5 in two ways, both stated in the README:
/// it compiles from the current cluster (no GET-and-merge of the device's copy, so no drift), and it skips nothing CES would
/// drop. It writes through the same production device client as the grains.
/// </remarks>
public sealed class PerEventWriter
{
    private readonly IDeviceClient _client;
    private readonly CompilerSettings _settings;
    private readonly string _device;
    private readonly Dictionary<string, HashSet<string>> _namespacesOf = new(StringComparer.Ordinal);
    private readonly HashSet<string> _bound = new(StringComparer.Ordinal);
    private readonly Channel<ClusterChange> _queue = Channel.CreateUnbounded<ClusterChange>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<double> _latencies = [];
    private readonly Lock _gate = new();
    private ClusterSnapshot _latest = ClusterSnapshot.Empty;
    private long _enqueued;
    private long _acked;
    private long _writes;
    private long _failures;
    private long _compileTicks;

    public PerEventWriter(IDeviceClient client, CompilerSettings settings, string device)
    {
        _client = client;
        _settings = settings;
        _device = device;
        foreach (var tenant in settings.Config.Tenants)
        {
            _namespacesOf[tenant.Name] = new HashSet<string>(tenant.Namespaces, StringComparer.Ordinal);
        }
    }

    public long Writes => Interlocked.Read(ref _writes);

    public long Failures => Interlocked.Read(ref _failures);

    public long Acked => Interlocked.Read(ref _acked);

    public long Unacked => Interlocked.Read(ref _enqueued) - Acked;

    public TimeSpan CompileTime => TimeSpan.FromTicks(Interlocked.Read(ref _compileTicks));

    public void Publish(ClusterSnapshot snapshot) => Volatile.Write(ref _latest, snapshot);

    public void Enqueue(ClusterChange change)
    {
        Interlocked.Increment(ref _enqueued);
        _queue.Writer.TryWrite(change);
    }

    public List<double> Latencies()
    {
        lock (_gate)
        {
            return [.. _latencies];
        }
    }

    /// <summary>Writes events until cancelled; the caller cancels at the drain cap and counts what is left.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var change in _queue.Reader.ReadAllAsync(cancellationToken))
            {
                while (!await WriteAsync(change, cancellationToken))
                {
                    // CES requeues a failed sync with back-off; the device was busy or unreachable.
                    await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Waits until every queued event is acknowledged or the cap passes.</summary>
    public async Task<bool> DrainAsync(TimeSpan cap, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (Unacked > 0 && deadline.Elapsed < cap)
        {
            await Task.Delay(100, cancellationToken);
        }
        return Unacked == 0;
    }

    private async Task<bool> WriteAsync(ClusterChange change, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var tenant = Compile(Volatile.Read(ref _latest), change.Tenant);
        Interlocked.Add(ref _compileTicks, Stopwatch.GetElapsedTime(started).Ticks);
        var result = await _client.DeclareAsync(_device, [change.Tenant], tenant.Json, cancellationToken);
        Interlocked.Increment(ref _writes);
        if (result is not DeviceWriteResult.Completed completed)
        {
            Interlocked.Increment(ref _failures);
            return false;
        }
        if (completed.Tenants.GetValueOrDefault(change.Tenant)?.Outcome == Ces.Abstractions.Messages.WriteOutcome.Rejected)
        {
            Interlocked.Increment(ref _failures);
        }
        else if (_bound.Add(change.Tenant))
        {
            foreach (var binding in tenant.Bindings)
            {
                await _client.EnsureBindingAsync(_device, binding, cancellationToken);
            }
        }
        var latency = Math.Max(0, (DateTimeOffset.UtcNow - change.ObservedAt).TotalSeconds);
        lock (_gate)
        {
            _latencies.Add(latency);
        }
        Interlocked.Increment(ref _acked);
        return true;
    }

    /// <summary>The tenant's whole declaration from the objects that feed it (compiling the whole cluster per event would bill the baseline for our compiler).</summary>
    private TenantDeclaration Compile(ClusterSnapshot snapshot, string tenant)
    {
        var namespaces = _namespacesOf.GetValueOrDefault(tenant) ?? [];
        var common = tenant == CesConfig.CommonTenant;
        bool Mine(string? ns) => ns is not null && namespaces.Contains(ns);
        var sub = new ClusterSnapshot(
            [.. snapshot.ExternalServices.Where(s => Mine(s.Metadata.Namespace) || (common && s.Metadata.Namespace == _settings.ControllerNamespace))],
            [.. snapshot.Rules.Where(r => common ? r is ClusterEgressRule || Mine(r.Metadata.Namespace) : r is not ClusterEgressRule && Mine(r.Metadata.Namespace))],
            [.. common ? snapshot.Namespaces : snapshot.Namespaces.Where(n => Mine(n.Name))],
            // Cluster rules take their sources from every pod of the cluster.
            [.. common ? snapshot.Pods : snapshot.Pods.Where(p => Mine(p.Metadata.Namespace))],
            [.. snapshot.EndpointSlices.Where(s => Mine(s.Metadata.Namespace))]);
        return PolicyCompiler.Compile(sub, _settings).Tenants.First(t => t.Tenant == tenant);
    }
}
