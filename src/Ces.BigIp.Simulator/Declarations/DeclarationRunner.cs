using Ces.BigIp.Simulator.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ces.BigIp.Simulator.Declarations;

/// Puts AS3 writes through the device lock and the task store: 503 when busy, 202 when async or slower than the auto-async threshold.
internal sealed partial class DeclarationRunner(
    DeviceLock deviceLock,
    TaskStore tasks,
    DeclarationProcessor processor,
    LatencyModel latency,
    SimulatorOptions options,
    IHostApplicationLifetime lifetime,
    ILogger<DeclarationRunner> logger)
{
    public async Task<DeclarationOutcome> SubmitAsync(DeclarationRequest request, bool runAsync, CancellationToken requestAborted)
    {
        if (deviceLock.TryEnter() is not { } entered)
        {
            LogBusy(logger);
            return new DeclarationOutcome(503, deviceLock.BurstHandling ? As3Bodies.QueueFull() : As3Bodies.Busy());
        }
        var task = tasks.Create();
        // The work outlives the HTTP request, as on AS3: a client that hangs up does not undo a declaration.
        var work = RunLockedAsync(entered, request, task);
        if (runAsync)
            return new DeclarationOutcome(202, As3Bodies.Submitted(task.Id));

        using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        var threshold = Task.Delay(latency.AutoAsyncThreshold, options.TimeProvider, stopWaiting.Token);
        var first = await Task.WhenAny(work, threshold);
        await stopWaiting.CancelAsync();
        if (first == work)
            return await work;
        LogAutoAsync(logger, task.Id);
        return new DeclarationOutcome(202, As3Bodies.Submitted(task.Id));
    }

    private async Task<DeclarationOutcome> RunLockedAsync(Task entered, DeclarationRequest request, As3Task task)
    {
        await entered;
        try
        {
            var outcome = await processor.RunAsync(request, lifetime.ApplicationStopping);
            tasks.Complete(task, outcome);
            return outcome;
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            var cancelled = new DeclarationOutcome(500, new() { ["code"] = 500, ["message"] = "task cancelled" });
            tasks.Complete(task, cancelled);
            return cancelled;
        }
        catch (Exception exception)
        {
            LogFailed(logger, exception);
            var failed = new DeclarationOutcome(500, new() { ["code"] = 500, ["message"] = $"An unexpected error occurred: {exception.Message}" });
            tasks.Complete(task, failed);
            return failed;
        }
        finally
        {
            deviceLock.Exit();
        }
    }

    [LoggerMessage(EventId = 5020, Level = LogLevel.Information, Message = "Refused declaration with 503: another declaration is in progress")]
    private static partial void LogBusy(ILogger logger);

    [LoggerMessage(EventId = 5021, Level = LogLevel.Information, Message = "Answered declaration with 202 after the auto-async threshold: task {TaskId}")]
    private static partial void LogAutoAsync(ILogger logger, string taskId);

    [LoggerMessage(EventId = 5022, Level = LogLevel.Error, Message = "Failed declaration with an unexpected error")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
