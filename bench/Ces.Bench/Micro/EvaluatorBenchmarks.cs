using BenchmarkDotNet.Attributes;
using Ces.Grains.Compiler;
using Ces.Grains.Evaluator;

namespace Ces.Bench.Micro;

/// <summary>The AFM evaluator: building it from a compiled tenant of 1k or 10k rules, and evaluating flows against it.</summary>
[MemoryDiagnoser]
public class EvaluatorBenchmarks
{
    private FirewallConfig _config = null!;
    private FirewallEvaluator _evaluator = null!;
    private Flow[] _flows = [];

    [Params(1_000, 10_000)]
    public int Rules { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var cluster = SyntheticCluster.Build(new ClusterShape(Namespaces: Rules / 2, Pods: Rules * 5, Rules: Rules, Tenants: 1, ClusterExternalServices: 0));
        var compiled = PolicyCompiler.Compile(cluster.Snapshot, new CompilerSettings(cluster.Config));
        _config = FirewallConfig.FromDeclarations(compiled.Tenants);
        _evaluator = FirewallEvaluator.Build(_config);
        var random = new Random(7);
        // Pod IPs of the synthetic cluster (10.x) in tenant t000's route domain (1), to addresses inside and outside the ExternalServices.
        _flows = [.. Enumerable.Range(0, 1024).Select(i => new Flow(
            $"10.{(i * 37 >> 16) & 255}.{(i * 37 >> 8) & 255}.{i * 37 & 255}", 1,
            $"{random.Next(1, 223)}.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}",
            i % 2 == 0 ? "tcp" : "udp", i % 2 == 0 ? 443 : 53))];
    }

    [Benchmark]
    public FirewallEvaluator Build() => FirewallEvaluator.Build(_config);

    /// <summary>1,024 flows per invocation; divide by 1,024 for one flow.</summary>
    [Benchmark(OperationsPerInvoke = 1024)]
    public int Evaluate1024Flows()
    {
        var allowed = 0;
        foreach (var flow in _flows)
        {
            allowed += _evaluator.Evaluate(flow).Allowed ? 1 : 0;
        }
        return allowed;
    }
}
