using Microsoft.Extensions.Logging;

namespace Ces.Silo.Devices;

internal sealed partial class DeviceResilience
{
    [LoggerMessage(EventId = 3010, Level = LogLevel.Debug,
        Message = "Retrying {Operation} on Device {Device} after {Reason}: retry {Retry} in {DelayMs} ms")]
    private static partial void LogRetrying(ILogger logger, string operation, string device, string reason, int retry, long delayMs);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning,
        Message = "Opened circuit to Device {Device} after repeated failures: calls answer Unavailable for {BreakMs} ms")]
    private static partial void LogCircuitOpened(ILogger logger, string device, long breakMs);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Information, Message = "Closed circuit to Device {Device}: calls reach it again")]
    private static partial void LogCircuitClosed(ILogger logger, string device);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Debug,
        Message = "Short-circuited {Operation} on Device {Device}: circuit open for {WaitMs} ms more")]
    private static partial void LogShortCircuited(ILogger logger, string device, string operation, long waitMs);
}
