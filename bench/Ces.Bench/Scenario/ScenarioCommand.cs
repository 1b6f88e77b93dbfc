using System.CommandLine;

namespace Ces.Bench.Scenario;

/// <summary>The <c>scenario</c> command: its options, the <c>--quick</c> preset, and where the report goes.</summary>
public static class ScenarioCommand
{
    public static Command Create()
    {
        var quick = new Option<bool>("--quick") { Description = "Small cluster, short churn: a smoke run under a minute" };
        var namespaces = new Option<int?>("--namespaces") { Description = "Default 10,000 (quick: 500)" };
        var pods = new Option<int?>("--pods") { Description = "Default 100,000 (quick: 5,000)" };
        var rules = new Option<int?>("--rules") { Description = "Default 20,000 (quick: 1,000)" };
        var tenants = new Option<int?>("--tenants") { Description = "Tenants the namespaces spread over, plus Common. Default 100 (quick: 10)" };
        var rates = new Option<int[]>("--rates") { Description = "Changes/s of each churn phase. Default 1000 20 (quick: 200 20)", AllowMultipleArgumentsPerToken = true };
        var duration = new Option<double?>("--duration") { Description = "Seconds per churn phase. Default 60 (quick: 5)" };
        var burst = new Option<int?>("--burst") { Description = "Changes in the burst phase. Default 5,000 (quick: 1,000)" };
        var drainCap = new Option<double?>("--drain-cap") { Description = "Longest wait for the pipeline to converge after a phase, s. Default 180 (quick: 30)" };
        var baselineCap = new Option<double?>("--baseline-cap") { Description = "Longest wait for the per-event writer after a phase, s. Default 20 (quick: 3)" };
        var noBaseline = new Option<bool>("--no-baseline") { Description = "Skip the per-event (CES 0.5) run" };
        var validate = new Option<bool>("--validate-schema") { Description = "Let the simulator check each declaration against the AS3 schema (costs CPU outside the device model)" };
        var json = new Option<FileInfo?>("--json") { Description = "Write the report as JSON here" };
        var speed = new Option<double>("--speed") { Description = "Multiplies every simulated device delay; 0.001 shows the software's own cost. Default 1 (real speed)", DefaultValueFactory = _ => 1.0 };
        var command = new Command("scenario", "Drive the grain pipeline and CES 0.5-style per-event writing through cold sync, churn and a burst against the BIG-IP simulator")
        {
            quick, namespaces, pods, rules, tenants, rates, duration, burst, drainCap, baselineCap, noBaseline, json, speed, validate,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var q = result.GetValue(quick);
            var shape = new ClusterShape(
                result.GetValue(namespaces) ?? (q ? 500 : 10_000),
                result.GetValue(pods) ?? (q ? 5_000 : 100_000),
                result.GetValue(rules) ?? (q ? 1_000 : 20_000),
                result.GetValue(tenants) ?? (q ? 10 : 100));
            var chosenRates = result.GetValue(rates) is { Length: > 0 } r ? r : q ? [200, 20] : [1000, 20];
            var options = new ScenarioOptions(shape, chosenRates,
                TimeSpan.FromSeconds(result.GetValue(duration) ?? (q ? 5 : 60)),
                result.GetValue(burst) ?? (q ? 1_000 : 5_000),
                TimeSpan.FromSeconds(result.GetValue(drainCap) ?? (q ? 30 : 180)),
                TimeSpan.FromSeconds(result.GetValue(baselineCap) ?? (q ? 3 : 20)),
                !result.GetValue(noBaseline), DeviceModel.Issue5 with { Speed = result.GetValue(speed), ValidateSchema = result.GetValue(validate) }, new ChangeMix());
            var report = await new ScenarioRunner(options, Console.Error).RunAsync(cancellationToken);
            Console.Out.Write(report.ToMarkdown());
            if (result.GetValue(json) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, report.ToJson(), cancellationToken);
                Console.Error.WriteLine($"wrote {file.FullName}");
            }
            return report.Pipeline.FinalState?.Converged == false ? 2 : 0;
        });
        return command;
    }
}
