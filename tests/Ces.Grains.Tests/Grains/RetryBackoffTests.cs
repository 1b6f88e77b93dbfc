using Ces.Grains.Devices;

namespace Ces.Grains.Tests.Grains;

/// <summary>The device grain's backoff: doubling with jitter, capped, and never before the device's Retry-After.</summary>
public class RetryBackoffTests
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(1, 0.0, 500)]
    [InlineData(1, 0.999, 1000)]
    [InlineData(3, 0.0, 2000)]
    [InlineData(4, 0.999, 8000)]
    [InlineData(20, 0.0, 30000)]
    [InlineData(20, 0.999, 60000)]
    public void Delay_doubles_with_each_failure_within_jitter_and_cap(int failures, double jitter, int expectedMs) =>
        Assert.Equal(expectedMs, RetryBackoff.Next(failures, First, Max, TimeSpan.Zero, jitter).TotalMilliseconds, tolerance: 60);

    [Fact]
    public void A_device_that_asks_for_more_time_gets_it() =>
        Assert.Equal(TimeSpan.FromSeconds(120), RetryBackoff.Next(1, First, Max, TimeSpan.FromSeconds(120), 0.5));
}
