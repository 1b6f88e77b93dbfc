using Ces.BigIp.Simulator.Declarations;
using Ces.BigIp.Simulator.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Ces.BigIp.Simulator.Faults;

/// Counts every request and answers the ones the <see cref="FaultInjector"/> picks with a fault instead of serving them.
internal sealed partial class FaultGate(FaultInjector faults, SimulatorStats stats, SimulatorOptions options, ILogger<FaultGate> logger)
{
    public const string ControlPrefix = "/ces-sim";

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? "";
        if (path.StartsWith(ControlPrefix, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }
        stats.Request();
        if (faults.Next(path) is not { } fault)
        {
            await next(context);
            if (context.Response.StatusCode == 503)
                stats.Busy();
            return;
        }
        stats.Fault();
        LogInjected(logger, fault, context.Request.Method, path);
        await InjectAsync(context, fault);
    }

    private async Task InjectAsync(HttpContext context, FaultKind fault)
    {
        switch (fault)
        {
            case FaultKind.Busy:
                stats.Busy();
                await WriteAsync(context, 503, As3Bodies.Busy().ToJsonString());
                break;
            case FaultKind.ServerError:
                await WriteAsync(context, 500, """{"code":500,"message":"HTTP ERROR 500 AsyncContext timeout"}""");
                break;
            case FaultKind.RequestTimeout:
                context.Response.StatusCode = 408;
                context.Response.ContentLength = 0;
                break;
            case FaultKind.Hang:
                try
                {
                    await Task.Delay(options.HangLimit, options.TimeProvider, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up first, which is the point of a hang.
                }
                context.Abort();
                break;
            default:
                context.Abort();
                break;
        }
    }

    private static Task WriteAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=UTF-8";
        return context.Response.WriteAsync(json, context.RequestAborted);
    }

    [LoggerMessage(EventId = 5040, Level = LogLevel.Information, Message = "Injected fault {Fault} into {Method} {Path}")]
    private static partial void LogInjected(ILogger logger, FaultKind fault, string method, string path);
}
