using System.Diagnostics;
using Ces.Abstractions.Grains;
using Ces.Abstractions.Keys;
using Ces.Abstractions.Messages;
using Ces.Grains.As3;
using Ces.Grains.Compiler;
using Ces.Grains.Hosting;
using Ces.Grains.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ces.Grains.Devices;

/// <summary>One BIG-IP: one write in flight; the tenants waiting meanwhile go out together in one declaration.</summary>
/// <remarks>The device I/O runs in an interleaving timer callback, so submissions keep flowing while AS3 works for a minute.</remarks>
public sealed partial class DeviceGrain(
    IDeviceClient client,
    IOptions<CesGrainOptions> options,
    CesTelemetry telemetry,
    TimeProvider time,
    ILogger<DeviceGrain> logger) : Grain, IDeviceGrain
{
    private readonly Dictionary<string, TenantWrite> _queue = new(StringComparer.Ordinal);
    private readonly HashSet<string> _boundTenants = new(StringComparer.Ordinal);
    private IGrainTimer? _pump;
    private bool _running;
    private int _consecutiveFailures;
    private long _declarations;
    private long _fastPathWrites;
    private long _retries;
    private int _unsaved;
    private DateTimeOffset? _unsavedSince;
    private string? _lastError;

    private string Device => this.GetPrimaryKeyString();

    public Task SubmitAsync(TenantWrite write)
    {
        _queue[write.Tenant] = write;
        if (!_running && _consecutiveFailures == 0)
        {
            Arm(TimeSpan.Zero);
        }
        return Task.CompletedTask;
    }

    public Task<DeviceStatus> GetStatusAsync() =>
        Task.FromResult(new DeviceStatus(Device, _queue.Count, _running, _declarations, _fastPathWrites, _retries, _lastError));

    private void Arm(TimeSpan due)
    {
        if (_pump is null)
        {
            _pump = this.RegisterGrainTimer(PumpAsync, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { Interleave = true });
        }
        else
        {
            _pump.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        if (_running)
        {
            return;
        }
        _running = true;
        try
        {
            while (_queue.Count > 0)
            {
                var batch = NextBatch();
                var unavailable = await TryWriteAsync(batch, cancellationToken);
                if (unavailable is not null)
                {
                    RetryLater(batch, unavailable);
                    return;
                }
                _consecutiveFailures = 0;
            }
            await SaveIfDueAsync(cancellationToken);
        }
        finally
        {
            _running = false;
            if (_queue.Count > 0 && _consecutiveFailures == 0)
            {
                Arm(TimeSpan.Zero);
            }
        }
    }

    /// <summary>Cheap writes first: every fast-path write, then declarations up to the object cap (at least one tenant).</summary>
    /// <remarks>One declaration of every dirty tenant would save only the base cost, and make each change wait for all of them.</remarks>
    private List<TenantWrite> NextBatch()
    {
        var ordered = _queue.Values.OrderBy(w => w.IsFastPath ? 0 : 1).ThenBy(w => w.Tenant, StringComparer.Ordinal).ToList();
        var batch = ordered.TakeWhile(w => w.IsFastPath).ToList();
        var objects = 0;
        foreach (var write in ordered.Skip(batch.Count))
        {
            if (objects > 0 && objects + write.Objects > Options().MaxDeclarationObjects)
            {
                break;
            }
            objects += Math.Max(1, write.Objects);
            batch.Add(write);
        }
        foreach (var write in batch)
        {
            _queue.Remove(write.Tenant);
        }
        return batch;
    }

    /// <summary>A client that throws (a bug) must not lose the batch: it is kept and retried like an unavailable device.</summary>
    private async Task<DeviceWriteResult.Unavailable?> TryWriteAsync(List<TenantWrite> batch, CancellationToken cancellationToken)
    {
        try
        {
            return await WriteAsync(batch, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogWriteFailed(logger, e, Device);
            return new DeviceWriteResult.Unavailable(TimeSpan.Zero, e.Message);
        }
    }

    /// <summary>Writes a batch; returns the device's unavailability, or null when every write got an answer.</summary>
    private async Task<DeviceWriteResult.Unavailable?> WriteAsync(List<TenantWrite> batch, CancellationToken cancellationToken)
    {
        var done = new List<TenantWrite>();
        foreach (var write in batch.Where(w => w.IsFastPath))
        {
            if (await PatchAsync(write, cancellationToken) is { } down)
            {
                // Writes already acknowledged must not be queued again with the rest.
                batch.RemoveAll(done.Contains);
                return down;
            }
            done.Add(write);
        }
        var declarations = batch.Where(w => !w.IsFastPath).ToList();
        if (declarations.Count > 0 && await DeclareAsync(declarations, cancellationToken) is { } busy)
        {
            batch.RemoveAll(done.Contains);
            return busy;
        }
        return null;
    }

    private async Task<DeviceWriteResult.Unavailable?> DeclareAsync(List<TenantWrite> writes, CancellationToken cancellationToken)
    {
        using var activity = CesTelemetry.ActivitySource.StartActivity("ces.device.write");
        activity?.SetTag("ces.device", Device);
        activity?.SetTag("ces.tenants", string.Join(",", writes.Select(w => w.Tenant)));
        foreach (var release in writes.SelectMany(w => w.Releases))
        {
            var released = await client.ReleaseBindingAsync(Device, release, cancellationToken);
            if (released.Error is { } error)
            {
                return new DeviceWriteResult.Unavailable(TimeSpan.Zero, error);
            }
            if (released.Action == ContextBindingAction.Bind)
            {
                Unsaved();
            }
        }
        var declaration = As3Writer.Envelope(writes.Select(w => (w.Tenant, w.TenantJson!)), writes[0].SchemaVersion);
        var started = Stopwatch.GetTimestamp();
        var result = await client.DeclareAsync(Device, [.. writes.Select(w => w.Tenant)], declaration, cancellationToken);
        telemetry.RecordDeviceWrite(Device, "as3", result, Stopwatch.GetElapsedTime(started));
        if (result is not DeviceWriteResult.Completed completed)
        {
            return (DeviceWriteResult.Unavailable)result;
        }
        _declarations++;
        LogDeclared(logger, Device, writes.Count, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        foreach (var write in writes)
        {
            var tenant = completed.Tenants.GetValueOrDefault(write.Tenant) ?? new TenantResult(WriteOutcome.Rejected, "the device did not report this tenant");
            if (tenant.Outcome != WriteOutcome.Rejected)
            {
                await EnsureBindingsAsync(write, tenant.Outcome == WriteOutcome.Applied, cancellationToken);
            }
            Acknowledge(write, tenant.Outcome, tenant.Message);
        }
        return null;
    }

    private async Task<DeviceWriteResult.Unavailable?> PatchAsync(TenantWrite write, CancellationToken cancellationToken)
    {
        foreach (var list in write.AddressLists)
        {
            var started = Stopwatch.GetTimestamp();
            var result = await client.PatchAddressListAsync(Device, list.Path, list.Addresses, cancellationToken);
            telemetry.RecordDeviceWrite(Device, "fast", result, Stopwatch.GetElapsedTime(started));
            switch (result)
            {
                case DeviceWriteResult.Unavailable unavailable:
                    return unavailable;
                case DeviceWriteResult.Completed completed when completed.Tenants.Values.FirstOrDefault(t => t.Outcome == WriteOutcome.Rejected) is { } refused:
                    Acknowledge(write, WriteOutcome.Rejected, $"{list.Path}: {refused.Message}");
                    return null;
            }
        }
        _fastPathWrites++;
        Unsaved();
        Acknowledge(write, WriteOutcome.Applied, $"{write.AddressLists.Count} address lists replaced");
        return null;
    }

    /// <summary>Binds the tenant's policies to their contexts after a change, or once per activation; never over another policy.</summary>
    private async Task EnsureBindingsAsync(TenantWrite write, bool changed, CancellationToken cancellationToken)
    {
        if (!changed && _boundTenants.Contains(write.Tenant))
        {
            return;
        }
        foreach (var binding in write.Bindings)
        {
            var result = await client.EnsureBindingAsync(Device, binding, cancellationToken);
            if (result.Action == ContextBindingAction.Bind && result.Succeeded)
            {
                Unsaved();
            }
            if (!result.Succeeded)
            {
                _lastError = result.Error ?? $"{binding.RouteDomainPath ?? "global context"} has {result.BoundPolicy} bound; CES did not replace it";
                LogBindingRefused(logger, Device, binding.RouteDomainPath ?? "global", binding.PolicyPath, _lastError);
            }
        }
        _boundTenants.Add(write.Tenant);
    }

    private void RetryLater(List<TenantWrite> batch, DeviceWriteResult.Unavailable unavailable)
    {
        foreach (var write in batch)
        {
            _queue.TryAdd(write.Tenant, write);
        }
        _consecutiveFailures++;
        _retries++;
        _lastError = unavailable.Reason;
        telemetry.Retries.Add(1, new KeyValuePair<string, object?>("ces.device", Device));
        var delay = RetryBackoff.Next(_consecutiveFailures, Options().RetryDelay, Options().MaxRetryDelay, unavailable.RetryAfter, Random.Shared.NextDouble());
        LogUnavailable(logger, Device, unavailable.Reason, (long)delay.TotalMilliseconds);
        Arm(delay);
    }

    private async Task SaveIfDueAsync(CancellationToken cancellationToken)
    {
        if (_unsaved == 0)
        {
            return;
        }
        var due = _unsavedSince!.Value + Options().SaveInterval;
        if (_unsaved >= Options().SaveAfterWrites || time.GetUtcNow() >= due)
        {
            if (await client.SaveConfigAsync(Device, cancellationToken) is DeviceWriteResult.Completed)
            {
                (_unsaved, _unsavedSince) = (0, null);
                return;
            }
        }
        Arm(due > time.GetUtcNow() ? due - time.GetUtcNow() : Options().RetryDelay);
    }

    private void Unsaved()
    {
        _unsaved++;
        _unsavedSince ??= time.GetUtcNow();
    }

    private void Acknowledge(TenantWrite write, WriteOutcome outcome, string message) =>
        _ = GrainFactory.GetGrain<IPartitionGrain>(GrainKeys.Partition(Device, write.Tenant))
            .AcknowledgeAsync(new DeviceAck(write.Tenant, write.WriteId, outcome, message, time.GetUtcNow()));

    private CesGrainOptions Options() => options.Value;
}
