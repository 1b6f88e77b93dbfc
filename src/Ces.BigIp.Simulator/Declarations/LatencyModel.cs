using Ces.BigIp.Simulator.Hosting;

namespace Ces.BigIp.Simulator.Declarations;

/// How long the device takes (as3.md §8): a base cost plus a cost per object, all scaled by the speed factor.
internal sealed class LatencyModel(SimulatorOptions options)
{
    public TimeSpan Declaration(int objectCount) => Scale(options.DeclarationBaseCost + options.PerObjectCost * objectCount);

    public TimeSpan Patch => Scale(options.PatchCost);

    public TimeSpan Save => Scale(options.SaveCost);

    public TimeSpan AutoAsyncThreshold => Scale(options.AutoAsyncThreshold);

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, options.TimeProvider, cancellationToken);

    private TimeSpan Scale(TimeSpan cost) => TimeSpan.FromTicks((long)(cost.Ticks * Math.Max(0, options.Speed)));
}
