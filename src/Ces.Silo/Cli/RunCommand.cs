using System.CommandLine;
using Ces.Silo.Hosting;
using Microsoft.Extensions.Hosting;

namespace Ces.Silo.Cli;

/// <summary><c>ces run</c>: the controller. With no arguments, the embedded default: bundled examples, built-in BIG-IP simulator.</summary>
public static class RunCommand
{
    public static Command Build()
    {
        var examples = Path.Combine(AppContext.BaseDirectory, "examples");
        var config = new Option<string>("--config") { Description = "ces-conf.yaml", DefaultValueFactory = _ => Path.Combine(examples, "ces-conf.yaml") };
        var manifests = new Option<string>("--manifests") { Description = "Folder of YAML manifests to watch", DefaultValueFactory = _ => Path.Combine(examples, "manifests") };
        var device = new Option<string?>("--bigip-url") { Description = "A real BIG-IP (host[:port] or URL); without it the built-in simulator runs in-process" };
        var http = new Option<int>("--http-port") { Description = "Health, metrics, dashboard and API on 127.0.0.1", DefaultValueFactory = _ => 8080 };
        var speed = new Option<double>("--sim-speed") { Description = "Built-in simulator latency factor (1 = a real device)", DefaultValueFactory = _ => 1.0 };
        var command = new Command("run", "Run CES: watch policy, keep the BIG-IP in step") { config, manifests, device, http, speed };
        command.SetAction((result, token) => RunAsync(new CesRunOptions
        {
            ConfigFile = result.GetValue(config)!,
            Manifests = result.GetValue(manifests)!,
            DeviceUrl = result.GetValue(device),
            HttpPort = result.GetValue(http),
            SimulatorSpeed = result.GetValue(speed),
            ControllerNamespace = CompileCommand.ControllerNamespace(),
        }, Console.Out, Console.Error, token));
        return command;
    }

    public static async Task<int> RunAsync(CesRunOptions run, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        RunningCes? started;
        try
        {
            started = await RunningCes.StartAsync(run, stdout, stderr, cancellationToken);
        }
        catch (IOException e)
        {
            await stderr.WriteLineAsync($"error: CES could not start: {e.Message} (another CES running? choose ports with --http-port)");
            return 1;
        }
        await using var ces = started;
        if (ces is null)
        {
            return CompileCommand.InvalidConfig;
        }
        var address = ces.Address.ToString().TrimEnd('/');
        await stdout.WriteLineAsync($"""
            CES is running (config {run.ConfigFile}, manifests {run.Manifests})
              device     {(ces.Simulator is { } simulator ? $"built-in BIG-IP simulator at {simulator.BaseAddress} (admin/admin)" : run.DeviceUrl)}
              dashboard  {address}/dashboard/
              metrics    {address}/metrics
              health     {address}/healthz  {address}/readyz
              api        {address}/api/v1/rules  {address}/api/v1/partitions  POST {address}/api/v1/explain
              explain    {address}/ui/explain
            Press Ctrl-C to stop.
            """);
        await ces.App.WaitForShutdownAsync(cancellationToken);
        return 0;
    }
}
