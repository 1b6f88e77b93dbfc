namespace Ces.Grains.Devices;

/// <summary>Exponential backoff with jitter for an unavailable device; never sooner than the device asked (Retry-After).</summary>
public static class RetryBackoff
{
    /// <param name="failures">Consecutive failures so far, 1 for the first.</param>
    /// <param name="jitter">A number in [0, 1); the delay lands between half and all of the exponential step.</param>
    public static TimeSpan Next(int failures, TimeSpan first, TimeSpan max, TimeSpan retryAfter, double jitter)
    {
        var step = Math.Min(max.TotalMilliseconds, first.TotalMilliseconds * Math.Pow(2, Math.Max(0, failures - 1)));
        return TimeSpan.FromMilliseconds(Math.Max(retryAfter.TotalMilliseconds, step * (0.5 + jitter / 2)));
    }
}
