using Microsoft.Extensions.Logging;

namespace Ces.Silo.Devices;

internal sealed partial class BigIpDeviceClient
{
    [LoggerMessage(EventId = 3040, Level = LogLevel.Warning,
        Message = "Skipping TLS verification for Device {Device} at {Url}: Ces:Device:Insecure is set; use CaBundlePath instead")]
    private static partial void LogInsecure(ILogger logger, string device, string url);

    [LoggerMessage(EventId = 3041, Level = LogLevel.Information, Message = "Configured {Device}")]
    private static partial void LogConfigured(ILogger logger, string device);
}
