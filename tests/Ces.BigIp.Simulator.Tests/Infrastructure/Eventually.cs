using System.Diagnostics;

namespace Ces.BigIp.Simulator.Tests.Infrastructure;

/// Polls something outside the test (the simulator over HTTP) until it holds, with a deadline and the last value in the failure.
internal static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? within = null)
    {
        var token = TestContext.Current.CancellationToken;
        var limit = within ?? TimeSpan.FromSeconds(10);
        var start = Stopwatch.GetTimestamp();
        while (true)
        {
            var last = await probe().WaitAsync(limit, token);
            if (done(last))
                return last;
            if (Stopwatch.GetElapsedTime(start) > limit)
                throw new TimeoutException($"{what}: not reached within {limit}; last seen: {last}");
            await Task.Delay(TimeSpan.FromMilliseconds(10), token);
        }
    }
}
