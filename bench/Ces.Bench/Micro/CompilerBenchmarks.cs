using BenchmarkDotNet.Attributes;
using Ces.Abstractions.Api;
using Ces.Grains.Compiler;

namespace Ces.Bench.Micro;

/// <summary>The policy compiler on one tenant of 1k or 10k rules (route-domain mode: the namespaces all in one tenant).</summary>
/// <remarks>Five pods and half a namespace per rule, the full-scale ratios.</remarks>
[MemoryDiagnoser]
public class CompilerBenchmarks
{
    private ClusterSnapshot _snapshot = ClusterSnapshot.Empty;
    private CompilerSettings _settings = null!;

    [Params(1_000, 10_000)]
    public int Rules { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var cluster = SyntheticCluster.Build(new ClusterShape(Namespaces: Rules / 2, Pods: Rules * 5, Rules: Rules, Tenants: 1, ClusterExternalServices: 0));
        (_snapshot, _settings) = (cluster.Snapshot, new CompilerSettings(cluster.Config));
    }

    [Benchmark]
    public CompileResult Compile() => PolicyCompiler.Compile(_snapshot, _settings);
}
