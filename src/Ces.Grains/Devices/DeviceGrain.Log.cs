using Microsoft.Extensions.Logging;

namespace Ces.Grains.Devices;

/// <summary>The log events of <see cref="DeviceGrain"/>.</summary>
public sealed partial class DeviceGrain
{
    [LoggerMessage(EventId = 2301, Level = LogLevel.Information, Message = "Declared {Tenants} tenants on Device {Device} in {ElapsedMs} ms")]
    private static partial void LogDeclared(ILogger logger, string device, int tenants, long elapsedMs);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Warning, Message = "Device {Device} unavailable ({Reason}); retrying in {DelayMs} ms")]
    private static partial void LogUnavailable(ILogger logger, string device, string reason, long delayMs);

    [LoggerMessage(EventId = 2304, Level = LogLevel.Error, Message = "Writing to Device {Device} failed unexpectedly; the writes are kept and retried")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string device);

    [LoggerMessage(EventId = 2303, Level = LogLevel.Warning, Message = "Left the {Context} binding on Device {Device} alone instead of binding {Policy}: {Reason}")]
    private static partial void LogBindingRefused(ILogger logger, string device, string context, string policy, string reason);
}
