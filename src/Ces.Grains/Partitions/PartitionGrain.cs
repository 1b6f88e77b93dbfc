using System.Collections.Immutable;
using Ces.Abstractions.Api;
using Ces.Abstractions.Config;
using Ces.Abstractions.Grains;
using Ces.Abstractions.Keys;
using Ces.Abstractions.Messages;
using Ces.Abstractions.Policy;
using Ces.Grains.Compiler;
using Ces.Grains.Hosting;
using Ces.Grains.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ces.Grains.Partitions;

/// <summary>One BIG-IP partition: the whole desired tenant, written after a coalescing window, one write in flight.</summary>
public sealed partial class PartitionGrain(
    ICesConfigSource config,
    IOptions<CesGrainOptions> options,
    CesTelemetry telemetry,
    TimeProvider time,
    ILogger<PartitionGrain> logger) : Grain, IPartitionGrain
{
    private string _device = "";
    private string _tenant = "";
    private PartitionState _state = PartitionState.Empty;
    private bool _synced;
    private InFlight? _inFlight;
    private TenantBuild? _applied;
    private DateTimeOffset? _appliedAt;
    private DateTimeOffset? _firstPendingAt;
    private IGrainTimer? _flushTimer;
    private IGrainTimer? _ackTimer;
    private long _writeId;
    private long _writes;
    private long _fastWrites;
    private string? _lastError;
    private Dictionary<ObjectRef, PolicyReport> _reported = [];

    private CesGrainOptions Options => options.Value;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_device, _tenant) = GrainKeys.ParsePartition(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public Task SetRuleAsync(ObjectRef rule, RuleDefinition? definition, DateTimeOffset observedAt) =>
        Change(_state.WithRule(rule, definition, observedAt));

    public Task SetNamespaceSourcesAsync(NamespaceSources sources) => Change(_state.WithSources(sources));

    public Task MarkSyncedAsync(long epoch)
    {
        _synced = true;
        // Level-triggered against drift too: what the device holds may have been edited since CES last wrote it.
        if (_appliedAt is { } appliedAt && time.GetUtcNow() - appliedAt >= Options.RedeclareInterval && _inFlight is null)
        {
            _applied = null;
        }
        Schedule();
        return Task.CompletedTask;
    }

    public async Task AcknowledgeAsync(DeviceAck ack)
    {
        if (_inFlight is not { } flight || flight.Write.WriteId != ack.WriteId)
        {
            return;
        }
        _inFlight = null;
        _ackTimer?.Dispose();
        _ackTimer = null;
        var path = flight.Write.IsFastPath ? "fast" : "as3";
        if (ack.Outcome is WriteOutcome.Applied or WriteOutcome.Unchanged)
        {
            (_applied, _appliedAt, _lastError) = (flight.Build, ack.AckedAt, null);
            _ = flight.Write.IsFastPath ? ++_fastWrites : ++_writes;
            foreach (var observedAt in flight.Changes)
            {
                telemetry.Convergence.Record(Math.Max(0, (ack.AckedAt - observedAt).TotalSeconds),
                    new("ces.device", _device), new("ces.write.path", path));
            }
            LogApplied(logger, _tenant, path, flight.Changes.Count, flight.Build.Outcomes.Count(o => o.Kind == RuleOutcomeKind.Programmed));
            await ReportAsync(flight.Build, rejection: null);
        }
        else
        {
            _lastError = ack.Message;
            LogRejected(logger, _tenant, path, ack.Message);
            if (flight.Write.IsFastPath)
            {
                // An address list the device lacks (or refused) means its copy differs: declare the whole tenant instead.
                _applied = null;
                _state = _state.Requeue(flight.Changes);
            }
            else
            {
                await ReportAsync(flight.Build, ack.Message);
            }
        }
        Schedule();
    }

    public Task<PartitionStatus> GetStatusAsync() => Task.FromResult(new PartitionStatus(
        _tenant, _synced, _state.Rules.Count, _state.Sources.Count, _state.Pending.Count, _inFlight is not null,
        _applied?.Hash, _appliedAt, _writes, _fastWrites, _lastError));

    private Task Change(PartitionState next)
    {
        if (next.Pending.Count > _state.Pending.Count)
        {
            telemetry.Changes.Add(next.Pending.Count - _state.Pending.Count, new KeyValuePair<string, object?>("ces.device", _device));
        }
        _state = next;
        Schedule();
        return Task.CompletedTask;
    }

    /// <summary>Arms the flush: a window that slides with each change, capped by the max delay; at once at max batch.</summary>
    private void Schedule()
    {
        if (!_synced || _inFlight is not null || (_state.Pending.IsEmpty && _applied is not null))
        {
            return;
        }
        var now = time.GetUtcNow();
        _firstPendingAt ??= now;
        var untilMax = Options.MaxDelay - (now - _firstPendingAt.Value);
        var due = _state.Pending.Count >= Options.MaxBatch ? TimeSpan.Zero : TimeSpan.FromTicks(Math.Max(0, Math.Min(Options.CoalescingWindow.Ticks, untilMax.Ticks)));
        if (_flushTimer is null)
        {
            _flushTimer = this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan));
        }
        else
        {
            _flushTimer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        _flushTimer?.Dispose();
        (_flushTimer, _firstPendingAt) = (null, null);
        var settings = config.Current;
        if (!_synced || _inFlight is not null || settings.Config.Tenants.FirstOrDefault(t => t.Name == _tenant) is not { } tenant)
        {
            return;
        }
        using var activity = CesTelemetry.ActivitySource.StartActivity("ces.partition.flush");
        activity?.SetTag("ces.tenant", _tenant);
        var build = TenantBuild.From(_state, tenant, settings);
        (_state, var changes) = _state.TakePending();
        if (build.SameAs(_applied))
        {
            await ReportAsync(build, rejection: null);
            return;
        }
        var fastPath = WritePlanner.FastPath(_applied?.Model, build.Model, TenantMap.For(settings.Config).RouteDomainId(tenant),
            Options.FastPathLimit(build.Model.ObjectCount));
        var builder = new TenantModelBuilder(settings.Config, []);
        var bindings = builder.Bindings(build.Model, tenant);
        // A staged policy goes when its last staged rule does; the device refuses to delete a policy still bound.
        var releases = _applied is null ? [] : builder.Bindings(_applied.Model, tenant).Except(bindings).ToList();
        var write = new TenantWrite(_tenant, ++_writeId, settings.Config.SchemaVersion, fastPath is null ? build.TenantJson : null,
            [.. fastPath ?? []], [.. bindings], build.Model.ObjectCount, [.. releases]);
        _inFlight = new InFlight(write, build, changes);
        telemetry.BatchSize.Record(changes.Count, new KeyValuePair<string, object?>("ces.device", _device));
        telemetry.Coalesced.Add(Math.Max(0, changes.Count - 1), new KeyValuePair<string, object?>("ces.device", _device));
        activity?.SetTag("ces.write.path", write.IsFastPath ? "fast" : "as3");
        await GrainFactory.GetGrain<IDeviceGrain>(_device).SubmitAsync(write);
        _ackTimer = this.RegisterGrainTimer(AckTimedOutAsync, write.WriteId, new GrainTimerCreationOptions(Options.AckTimeout, Timeout.InfiniteTimeSpan));
    }

    /// <summary>No answer: the device grain may have died with the write. Send the tenant again, whole.</summary>
    private Task AckTimedOutAsync(long writeId, CancellationToken cancellationToken)
    {
        if (_inFlight is { } flight && flight.Write.WriteId == writeId)
        {
            LogAckTimedOut(logger, _tenant, writeId);
            (_inFlight, _applied) = (null, null);
            _state = _state.Requeue(flight.Changes);
            Schedule();
        }
        _ackTimer?.Dispose();
        _ackTimer = null;
        return Task.CompletedTask;
    }

    /// <summary>Tells each rule what happened to it, only when that changed.</summary>
    private Task ReportAsync(TenantBuild build, string? rejection)
    {
        var now = time.GetUtcNow();
        var reports = new Dictionary<ObjectRef, PolicyReport>();
        foreach (var outcome in build.Outcomes)
        {
            reports[outcome.Rule] = outcome.Kind == RuleOutcomeKind.Programmed
                ? rejection is null
                    ? new PolicyReport(RulePhase.Success, "Programmed", $"enforced on {_device}/{_tenant}", _device, outcome.SourceAddresses, outcome.DestinationAddresses, now)
                    : new PolicyReport(RulePhase.Failed, "DeviceRejected", rejection, _device, outcome.SourceAddresses, outcome.DestinationAddresses, now)
                : new PolicyReport(RulePhase.Success, Policies.RuleStatusBuilder.ReasonOf(outcome.Kind), outcome.Message, _device, 0, outcome.DestinationAddresses, now);
        }
        var changed = reports.Where(r => !_reported.TryGetValue(r.Key, out var before) || before with { At = r.Value.At } != r.Value).ToList();
        _reported = reports;
        foreach (var (rule, report) in changed)
        {
            _ = GrainFactory.GetGrain<IPolicyGrain>(GrainKeys.Policy(rule)).ReportAsync(report);
        }
        return Task.CompletedTask;
    }

    private sealed record InFlight(TenantWrite Write, TenantBuild Build, ImmutableList<DateTimeOffset> Changes);
}
