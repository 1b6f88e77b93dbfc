using Microsoft.Extensions.Logging;

namespace Ces.BigIp.Simulator.Declarations;

internal sealed partial class DeclarationProcessor
{
    [LoggerMessage(EventId = 5010, Level = LogLevel.Information, Message = "Applied declaration: {TenantCount} tenants, dry run {DryRun}")]
    private static partial void LogApplied(ILogger logger, int tenantCount, bool dryRun);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Information, Message = "Rejected declaration: {Error}")]
    private static partial void LogRejected(ILogger logger, string error);
}
