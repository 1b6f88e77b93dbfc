namespace Ces.Silo.Files;

/// <summary>Whether the source has sent its first full resync: before that, /readyz says not ready.</summary>
public sealed class SourceReadiness
{
    private volatile bool _synced;

    public bool Synced => _synced;

    public DateTimeOffset? LastSync { get; private set; }

    public void MarkSynced(DateTimeOffset at)
    {
        LastSync = at;
        _synced = true;
    }
}
