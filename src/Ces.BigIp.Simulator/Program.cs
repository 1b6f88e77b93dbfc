using Ces.BigIp.Simulator.Hosting;

var (options, error) = SimulatorCommandLine.Parse(args);
if (options is null)
{
    await Console.Error.WriteLineAsync($"{error}\n{SimulatorCommandLine.Usage}");
    return 2;
}

await using var simulator = await BigIpSimulator.StartAsync(options);
await simulator.WaitForShutdownAsync();
return 0;
