using Microsoft.Extensions.Logging;

namespace Ces.Grains.Partitions;

/// <summary>The log events of <see cref="PartitionGrain"/>.</summary>
public sealed partial class PartitionGrain
{
    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Applied tenant {Tenant} ({Path}): {Changes} changes, {Rules} rules enforced")]
    private static partial void LogApplied(ILogger logger, string tenant, string path, int changes, int rules);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "Device rejected tenant {Tenant} ({Path}): {Reason}")]
    private static partial void LogRejected(ILogger logger, string tenant, string path, string reason);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Warning, Message = "Got no answer for write {WriteId} of tenant {Tenant}; sending it again")]
    private static partial void LogAckTimedOut(ILogger logger, string tenant, long writeId);
}
