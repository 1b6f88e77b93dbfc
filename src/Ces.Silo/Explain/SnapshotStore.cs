using Ces.Abstractions.Api;
using Ces.Grains.Compiler;
using Ces.Grains.Explain;

namespace Ces.Silo.Explain;

/// <summary>The source's latest snapshot, and an explainer built over it once per snapshot and config.</summary>
public sealed class SnapshotStore
{
    private volatile ClusterSnapshot? _snapshot;
    private volatile Tuple<ClusterSnapshot, CompilerSettings, PolicyExplainer>? _explainer;

    public ClusterSnapshot? Current => _snapshot;

    public void Set(ClusterSnapshot snapshot) => _snapshot = snapshot;

    /// <summary>The explainer of the current snapshot and settings; null until the source has read one.</summary>
    public PolicyExplainer? Explainer(CompilerSettings settings)
    {
        if (_snapshot is not { } snapshot)
        {
            return null;
        }
        var cached = _explainer;
        if (cached is not null && ReferenceEquals(cached.Item1, snapshot) && ReferenceEquals(cached.Item2, settings))
        {
            return cached.Item3;
        }
        var built = PolicyExplainer.Build(snapshot, settings);
        _explainer = Tuple.Create(snapshot, settings, built);
        return built;
    }
}
