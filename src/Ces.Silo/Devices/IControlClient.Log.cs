using Microsoft.Extensions.Logging;

namespace Ces.Silo.Devices;

internal sealed partial class IControlClient
{
    [LoggerMessage(EventId = 3030, Level = LogLevel.Warning, Message = "Rejected PATCH of AddressList {Path} on Device {Device}: {Reason}")]
    private static partial void LogPatchRejected(ILogger logger, string path, string device, string reason);

    [LoggerMessage(EventId = 3031, Level = LogLevel.Information, Message = "Bound Policy {Policy} at {Context} on Device {Device}")]
    private static partial void LogBound(ILogger logger, string policy, string context, string device);

    [LoggerMessage(EventId = 3032, Level = LogLevel.Warning,
        Message = "Left Policy {Bound} bound at {Context} on Device {Device}: binding {Policy} would displace it")]
    private static partial void LogBindingConflict(ILogger logger, string policy, string context, string bound, string device);
}
