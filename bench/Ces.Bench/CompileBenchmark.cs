using System.Diagnostics;
using Ces.Grains.Compiler;

namespace Ces.Bench;

/// <summary>Times the compiler on a synthetic cluster and reports memory: the 10k namespaces / 20k rules / 100k pods.</summary>
public static class CompileBenchmark
{
    public static int Run(ClusterShape shape, int iterations, TextWriter output)
    {
        var build = Stopwatch.StartNew();
        var cluster = SyntheticCluster.Build(shape);
        build.Stop();
        var settings = new CompilerSettings(cluster.Config);
        GC.Collect();
        var baseline = Environment.WorkingSet;

        var times = new List<double>();
        CompileResult? result = null;
        var allocated = 0L;
        for (var i = 0; i < iterations; i++)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            result = PolicyCompiler.Compile(cluster.Snapshot, settings);
            watch.Stop();
            allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        using var process = Process.GetCurrentProcess();
        process.Refresh();

        var programmed = result!.Rules.Count(r => r.Kind == RuleOutcomeKind.Programmed);
        var bytes = result.Tenants.Sum(t => (long)t.Json.Length);
        var largest = result.Tenants.MaxBy(t => t.Json.Length)!;
        output.WriteLine($"# Compile benchmark ({Environment.ProcessorCount} cores, .NET {Environment.Version})");
        output.WriteLine();
        output.WriteLine("| metric | value |");
        output.WriteLine("|---|---|");
        output.WriteLine($"| namespaces / tenants | {shape.Namespaces:N0} / {Math.Max(1, shape.Tenants + (shape.Tenants > 0 ? 1 : 0))} |");
        output.WriteLine($"| rules (programmed) | {shape.Rules:N0} ({programmed:N0}) |");
        output.WriteLine($"| pod IPs | {shape.Pods:N0} |");
        output.WriteLine($"| ExternalServices | {cluster.Snapshot.ExternalServices.Count:N0} |");
        output.WriteLine($"| synthetic input build | {build.Elapsed.TotalMilliseconds:N0} ms |");
        output.WriteLine($"| compile, first run (cold JIT) | {times[0]:N0} ms |");
        if (times.Count > 1)
        {
            var warm = times.Skip(1).Order().ToList();
            output.WriteLine($"| compile, warm median of {warm.Count} | {warm[warm.Count / 2]:N0} ms |");
        }
        output.WriteLine($"| allocated per compile | {allocated / 1048576.0:N0} MiB |");
        output.WriteLine($"| working set before compiling (input held) | {baseline / 1048576.0:N0} MiB |");
        output.WriteLine($"| peak working set of the process | {process.PeakWorkingSet64 / 1048576.0:N0} MiB |");
        output.WriteLine($"| declarations | {result.Tenants.Count:N0}, {bytes / 1048576.0:N1} MiB in all; largest {largest.Tenant} {largest.Json.Length / 1048576.0:N1} MiB |");
        output.WriteLine($"| diagnostics (errors) | {result.Diagnostics.Count:N0} ({result.Diagnostics.Count(d => d.IsError):N0}) |");
        return result.HasErrors ? 1 : 0;
    }
}
