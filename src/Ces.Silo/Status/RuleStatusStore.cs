using System.Collections.Concurrent;
using Ces.Abstractions.Api;
using Ces.Grains.Hosting;
using Microsoft.Extensions.Logging;

namespace Ces.Silo.Status;

/// <summary>Rule statuses outside Kubernetes: kept for the API and logged when a rule's phase changes.</summary>
public sealed partial class RuleStatusStore(ILogger<RuleStatusStore> logger) : IRuleStatusSink
{
    private readonly ConcurrentDictionary<ObjectRef, EgressRuleStatus> _statuses = new();

    public IReadOnlyDictionary<ObjectRef, EgressRuleStatus> All => _statuses;

    public Task WriteAsync(ObjectRef rule, EgressRuleStatus? status, CancellationToken cancellationToken)
    {
        if (status is null)
        {
            _statuses.TryRemove(rule, out _);
            return Task.CompletedTask;
        }
        var before = _statuses.GetValueOrDefault(rule);
        _statuses[rule] = status;
        if (before?.Phase != status.Phase || before?.Reason != status.Reason)
        {
            LogStatus(logger, rule.ToString(), status.Phase ?? "", status.Reason ?? "", status.Message ?? "");
        }
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "{Rule} is {Phase} ({Reason}): {Message}")]
    private static partial void LogStatus(ILogger logger, string rule, string phase, string reason, string message);
}
