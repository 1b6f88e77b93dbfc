using System.CommandLine;
using BenchmarkDotNet.Running;
using Ces.Bench;
using Ces.Bench.Scenario;

// BenchmarkDotNet parses its own arguments (--filter, --job, ...), so `micro` hands them over untouched.
if (args.Length > 0 && args[0] == "micro")
{
    BenchmarkSwitcher.FromAssembly(typeof(CompileBenchmark).Assembly).Run(args[1..]);
    return 0;
}

var namespaces = new Option<int>("--namespaces") { DefaultValueFactory = _ => 10_000 };
var pods = new Option<int>("--pods") { DefaultValueFactory = _ => 100_000 };
var rules = new Option<int>("--rules") { DefaultValueFactory = _ => 20_000 };
var tenants = new Option<int>("--tenants") { Description = "0: everything in Common; N: route-domain mode with N tenants", DefaultValueFactory = _ => 0 };
var iterations = new Option<int>("--iterations") { DefaultValueFactory = _ => 5 };
var compile = new Command("compile", "Time the policy compiler on a synthetic cluster") { namespaces, pods, rules, tenants, iterations };
compile.SetAction(result => CompileBenchmark.Run(
    new ClusterShape(result.GetValue(namespaces), result.GetValue(pods), result.GetValue(rules), result.GetValue(tenants)),
    result.GetValue(iterations),
    Console.Out));
var micro = new Command("micro", "BenchmarkDotNet micro-benchmarks (compiler, AFM evaluator); arguments go to BenchmarkDotNet, e.g. micro --filter '*' --job short");
return await new RootCommand("CES benchmarks") { compile, ScenarioCommand.Create(), micro }.Parse(args).InvokeAsync();
