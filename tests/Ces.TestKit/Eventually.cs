using System.Diagnostics;
using Xunit;

namespace Ces.TestKit;

/// <summary>Polls what lies outside the test's control until it holds, within a deadline; on timeout says what was last seen.</summary>
/// <remarks>For state in another process or behind HTTP; in-process signals are awaited directly instead.</remarks>
public static class Eventually
{
    public static async Task<T> Holds<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? within = null)
    {
        var token = TestContext.Current.CancellationToken;
        var limit = within ?? TimeSpan.FromSeconds(30);
        var start = Stopwatch.GetTimestamp();
        while (true)
        {
            var last = await probe().WaitAsync(limit, token);
            if (done(last))
            {
                return last;
            }
            if (Stopwatch.GetElapsedTime(start) > limit)
            {
                var seen = last is System.Collections.IEnumerable items and not string ? "[" + string.Join(", ", items.Cast<object>()) + "]" : $"{last}";
                throw new TimeoutException($"{what}: not reached within {limit}; last seen: {seen}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(20), token);
        }
    }
}
