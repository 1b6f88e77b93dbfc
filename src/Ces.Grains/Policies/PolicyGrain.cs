using Ces.Abstractions.Api;
using Ces.Abstractions.Config;
using Ces.Abstractions.Grains;
using Ces.Abstractions.Keys;
using Ces.Abstractions.Messages;
using Ces.Abstractions.Policy;
using Ces.Grains.Compiler;
using Ces.Grains.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ces.Grains.Policies;

/// <summary>One egress rule: resolves its ExternalServices, hands its definition to its partition, and owns its status.</summary>
public sealed partial class PolicyGrain(
    ICesConfigSource config,
    IRuleStatusSink statusSink,
    IOptions<CesGrainOptions> options,
    TimeProvider time,
    ILogger<PolicyGrain> logger) : Grain, IPolicyGrain
{
    private ObjectRef _rule;
    private string? _tenant;
    private RuleDefinition? _definition;
    private EgressRuleStatus? _status;
    private long _generation;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _rule = GrainKeys.ParsePolicy(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public async Task SetSpecAsync(PolicySpec spec)
    {
        var settings = config.Current;
        _generation = spec.Rule.Metadata.Generation;
        var validator = ExternalServiceValidator.For(settings.Config);
        var invalid = new List<Ces.Abstractions.Diagnostics.Diagnostic>();
        var found = spec.ExternalServices.ToDictionary(
            s => (s.Metadata.Namespace ?? "", s.Metadata.Name),
            s => validator.Validate(s, invalid));
        var resolution = RuleResolver.For(settings).Resolve(spec.Rule, (ns, name) =>
            found.TryGetValue((ns, name), out var destination) ? ExternalServiceLookup.Of(destination) : ExternalServiceLookup.Missing);

        if (_tenant is not null && (resolution.Definition is null || _tenant != resolution.Tenant))
        {
            await Partition(_tenant).SetRuleAsync(_rule, null, spec.ObservedAt);
            _tenant = null;
        }
        if (resolution.Definition is not { } definition)
        {
            var message = string.Join("; ", invalid.Where(d => d.IsError).Select(d => $"{d.Subject} {d.Field}: {d.Message}").Prepend(resolution.Failure!.Message));
            LogRejected(logger, _rule.ToString(), message);
            await SetStatusAsync(RuleStatusBuilder.Rejected(_status, resolution.Failure with { Message = message }, _generation, options.Value.Device, time.GetUtcNow()));
            _definition = null;
            return;
        }
        // Always forwarded: a partition that lost its state on a failed silo gets it back on the next resync; it drops equal values.
        await Partition(resolution.Tenant!).SetRuleAsync(_rule, definition, spec.ObservedAt);
        var changed = definition != _definition || _tenant != resolution.Tenant;
        (_tenant, _definition) = (resolution.Tenant, definition);
        if (changed || _status is null || _status.ObservedGeneration != _generation)
        {
            await SetStatusAsync(RuleStatusBuilder.Syncing(_status, _generation, options.Value.Device, time.GetUtcNow()));
        }
    }

    public async Task RemoveAsync(DateTimeOffset observedAt)
    {
        // A grain reactivated after its silo died no longer knows its tenant; the config still does.
        var tenant = _tenant ?? (_rule.Kind == CesApi.ClusterEgressRuleKind
            ? CesConfig.CommonTenant
            : TenantMap.For(config.Current.Config).ForNamespace(_rule.Namespace)?.Name);
        if (tenant is not null)
        {
            await Partition(tenant).SetRuleAsync(_rule, null, observedAt);
        }
        (_tenant, _definition) = (null, null);
        await SetStatusAsync(null);
        DeactivateOnIdle();
    }

    public Task ReportAsync(PolicyReport report) =>
        _definition is null ? Task.CompletedTask : SetStatusAsync(RuleStatusBuilder.FromReport(_status, report, _generation));

    public Task<EgressRuleStatus?> GetStatusAsync() => Task.FromResult(_status);

    private IPartitionGrain Partition(string tenant) => GrainFactory.GetGrain<IPartitionGrain>(GrainKeys.Partition(options.Value.Device, tenant));

    private Task SetStatusAsync(EgressRuleStatus? status)
    {
        if (status == _status)
        {
            return Task.CompletedTask;
        }
        _status = status;
        return statusSink.WriteAsync(_rule, status, CancellationToken.None);
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Rejected {Rule}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string rule, string reason);
}
