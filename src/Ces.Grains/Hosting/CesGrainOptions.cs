namespace Ces.Grains.Hosting;

/// <summary>How partitions coalesce changes and how devices retry: the knobs of the grain pipeline.</summary>
public sealed class CesGrainOptions
{
    public const string SectionName = "Ces:Grains";

    /// <value>How long a partition waits for more changes before writing. Default: 250 ms.</value>
    public TimeSpan CoalescingWindow { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <value>A partition writes at once when this many changes are pending. Default: 1000.</value>
    public int MaxBatch { get; set; } = 1000;

    /// <value>The longest a change waits while more keep arriving. Default: 2 s.</value>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <value>A write not acknowledged within this is sent again (its device grain may have died). Default: 10 min.</value>
    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <value>First retry delay when a device is unavailable; doubles up to <see cref="MaxRetryDelay"/>. Default: 1 s.</value>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <value>Longest retry delay for an unavailable device. Default: 60 s.</value>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <value>iControl changes are saved to disk after this many writes, or <see cref="SaveInterval"/>. Default: 10.</value>
    public int SaveAfterWrites { get; set; } = 10;

    /// <value>The longest unsaved iControl changes wait for a save. Default: 2 min.</value>
    public TimeSpan SaveInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <value>What one AS3 declaration costs the device before its objects (as3.md §8). Default: 3 s.</value>
    public TimeSpan DeclarationBaseCost { get; set; } = TimeSpan.FromSeconds(3);

    /// <value>What each object of a declared tenant adds. Default: 1 ms.</value>
    public TimeSpan DeclarationCostPerObject { get; set; } = TimeSpan.FromMilliseconds(1);

    /// <value>What one iControl address-list PATCH costs. Default: 50 ms.</value>
    public TimeSpan PatchCost { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <value>Declarations sent together carry at most this many objects (one tenant always goes), so cheap writes are not kept waiting long. Default: 5000.</value>
    public int MaxDeclarationObjects { get; set; } = 5000;

    /// <summary>How many address lists the fast path may patch before a declaration would be cheaper.</summary>
    public int FastPathLimit(int tenantObjects) =>
        (int)((DeclarationBaseCost + DeclarationCostPerObject * tenantObjects) / PatchCost);

    /// <value>A partition whose last write is older than this declares its whole tenant again at the next full resync,
    /// repairing changes made on the device behind CES's back (AS3 answers "no change" when there are none). Default: 30 min.</value>
    public TimeSpan RedeclareInterval { get; set; } = TimeSpan.FromMinutes(30);

    /// <value>The device (BIG-IP) all partitions write to. Default: bigip.</value>
    public string Device { get; set; } = "bigip";
}
