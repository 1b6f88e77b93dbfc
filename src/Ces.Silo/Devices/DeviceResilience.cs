using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace Ces.Silo.Devices;

/// <summary>One Polly pipeline per device: retry with exponential backoff and jitter around a circuit breaker.</summary>
/// <remarks>
/// Retry is outermost so an open circuit stops the retries at once; the breaker sees every attempt.
/// Callers pass only requests that are safe to resend: reads, task polls, and whole-tenant AS3 declarations.
/// </remarks>
internal sealed partial class DeviceResilience(IOptionsMonitor<DeviceOptions> options, DeviceClientStats stats, TimeProvider clock, ILogger<DeviceResilience> logger)
{
    private const string DeviceKey = "ces.device";
    private static readonly ResiliencePropertyKey<string> Device = new(DeviceKey);
    private readonly ConcurrentDictionary<string, ResiliencePipeline<DeviceCall>> _pipelines = new(StringComparer.Ordinal);

    internal async Task<DeviceCall> ExecuteAsync(string device, string operation, Func<CancellationToken, Task<DeviceCall>> attempt, CancellationToken cancellationToken)
    {
        var pipeline = _pipelines.GetOrAdd(device, Build);
        var context = ResilienceContextPool.Shared.Get(operation, cancellationToken);
        context.Properties.Set(Device, device);
        try
        {
            return await pipeline.ExecuteAsync(
                static async (context, state) =>
                {
                    state.stats.Attempt();
                    return await state.attempt(context.CancellationToken);
                },
                context,
                (attempt, stats));
        }
        catch (BrokenCircuitException exception)
        {
            stats.ShortCircuited();
            var wait = exception.RetryAfter ?? options.CurrentValue.CircuitBreakDuration;
            LogShortCircuited(logger, device, operation, (long)wait.TotalMilliseconds);
            return new DeviceCall.Failed($"Circuit open after repeated failures; not calling Device {device} for {wait.TotalSeconds:0.#} s", Transient: true, wait);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>The wait to report once attempts are exhausted: what the device asked for, else the next backoff.</summary>
    internal TimeSpan RetryAfter(DeviceCall call) => call switch
    {
        DeviceCall.Answered { RetryAfter: { } asked } => asked,
        DeviceCall.Failed { RetryAfter: { } asked } => asked,
        _ => Backoff(call.IsBusy, options.CurrentValue.MaxAttempts, jitter: false),
    };

    private ResiliencePipeline<DeviceCall> Build(string device)
    {
        var settings = options.CurrentValue;
        var transient = new PredicateBuilder<DeviceCall>().HandleResult(call => call.IsTransient);
        var builder = new ResiliencePipelineBuilder<DeviceCall> { TimeProvider = clock };
        if (settings.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<DeviceCall>
            {
                MaxRetryAttempts = settings.MaxAttempts - 1,
                ShouldHandle = transient,
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(Delay(args.Outcome.Result, args.AttemptNumber)),
                OnRetry = args => OnRetry(args),
            });
        }
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<DeviceCall>
        {
            // FailureRatio 1 with MinimumThroughput N: N failed attempts and not one success within the window.
            FailureRatio = 1.0,
            MinimumThroughput = settings.CircuitBreakerFailures,
            SamplingDuration = settings.CircuitSamplingDuration,
            BreakDuration = settings.CircuitBreakDuration,
            ShouldHandle = transient,
            OnOpened = args =>
            {
                stats.CircuitOpened();
                LogCircuitOpened(logger, device, (long)args.BreakDuration.TotalMilliseconds);
                return ValueTask.CompletedTask;
            },
            OnClosed = _ =>
            {
                LogCircuitClosed(logger, device);
                return ValueTask.CompletedTask;
            },
        });
        return builder.Build();
    }

    private TimeSpan Delay(DeviceCall? call, int attempt) => call switch
    {
        DeviceCall.Answered { RetryAfter: { } asked } => asked,
        _ => Backoff(call?.IsBusy == true, attempt, jitter: true),
    };

    /// <summary>Exponential from the base for the kind of failure, capped, with "equal jitter" (half fixed, half random).</summary>
    private TimeSpan Backoff(bool busy, int attempt, bool jitter)
    {
        var settings = options.CurrentValue;
        var first = busy ? settings.BusyRetryDelay : settings.BaseRetryDelay;
        var exponential = first.Ticks * Math.Pow(2, Math.Min(attempt, 30));
        var capped = Math.Min(exponential, settings.MaxRetryDelay.Ticks);
        var factor = jitter ? 0.5 + (Random.Shared.NextDouble() * 0.5) : 1.0;
        return TimeSpan.FromTicks((long)(capped * factor));
    }

    private ValueTask OnRetry(OnRetryArguments<DeviceCall> args)
    {
        var call = args.Outcome.Result;
        stats.Retry(args.RetryDelay, call?.IsBusy == true);
        var device = args.Context.Properties.GetValue(Device, "?");
        LogRetrying(logger, args.Context.OperationKey ?? "?", device, call?.Describe() ?? args.Outcome.Exception?.Message ?? "?", args.AttemptNumber + 1, (long)args.RetryDelay.TotalMilliseconds);
        return ValueTask.CompletedTask;
    }
}
