using Microsoft.Extensions.Logging;

namespace Ces.Silo.Devices;

internal sealed partial class DeviceTokenCache
{
    [LoggerMessage(EventId = 3020, Level = LogLevel.Debug, Message = "Logged in to Device {Device}: token valid for {LifetimeSeconds} s")]
    private static partial void LogLoggedIn(ILogger logger, string device, long lifetimeSeconds);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Warning,
        Message = "Fell back to basic auth for Device {Device}: token login answered {Status}")]
    private static partial void LogFallingBackToBasic(ILogger logger, string device, int status);
}
