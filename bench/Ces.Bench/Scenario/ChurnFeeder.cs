using System.Diagnostics;
using Ces.Abstractions.Api;

namespace Ces.Bench.Scenario;

/// <summary>Feeds exactly rate × duration changes, each stamped with its scheduled time, in ticks as fast as the consumer takes them.</summary>
/// <remarks>
/// Both runs use the same seed and count, so they see the same change sequence. A slow consumer makes ticks bigger and its
/// changes older when applied: that lag is part of what is measured, not hidden.
/// </remarks>
public static class ChurnFeeder
{
    public delegate Task Apply(IReadOnlyList<ClusterChange> changes, ClusterSnapshot snapshot);

    public static async Task<long> FeedAsync(ClusterModel model, int rate, TimeSpan duration, Apply apply, CancellationToken cancellationToken)
    {
        var total = (long)Math.Round(rate * duration.TotalSeconds);
        var start = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var generated = 0L;
        while (generated < total)
        {
            var due = Math.Min(total, (long)Math.Floor(clock.Elapsed.TotalSeconds * rate));
            if (due <= generated)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(1, 1000.0 / rate)), cancellationToken);
                continue;
            }
            var changes = new List<ClusterChange>((int)(due - generated));
            for (; generated < due; generated++)
            {
                changes.Add(model.Next(start + TimeSpan.FromSeconds((generated + 1) / (double)rate)));
            }
            await apply(changes, model.Snapshot());
        }
        return total;
    }

    /// <summary>A burst: <paramref name="count"/> changes observed at the same instant, handed over in one go.</summary>
    public static async Task<long> BurstAsync(ClusterModel model, int count, Apply apply)
    {
        var now = DateTimeOffset.UtcNow;
        var changes = Enumerable.Range(0, count).Select(_ => model.Next(now)).ToList();
        await apply(changes, model.Snapshot());
        return count;
    }
}
