using Microsoft.Extensions.Logging;

namespace Ces.Silo.Devices;

internal sealed partial class As3Client
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information,
        Message = "Declared to Device {Device}: {TenantCount} tenants in {ElapsedMs} ms")]
    private static partial void LogDeclared(ILogger logger, string device, int tenantCount, long elapsedMs);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Rejected Tenant {Tenant} on Device {Device}: {Reason}")]
    private static partial void LogTenantRejected(ILogger logger, string tenant, string device, string reason);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning,
        Message = "Could not declare to Device {Device}: {Reason}; retry after {RetryAfterMs} ms")]
    private static partial void LogUnavailable(ILogger logger, string device, string reason, long retryAfterMs);
}
