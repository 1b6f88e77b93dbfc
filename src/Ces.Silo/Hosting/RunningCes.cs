using Ces.BigIp.Simulator.Hosting;
using Ces.Silo.Files;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Ces.Silo.Hosting;

/// <summary>A started CES: the web/silo host, the built-in simulator when no device was given, and where it listens.</summary>
public sealed class RunningCes : IAsyncDisposable
{
    private RunningCes(WebApplication app, BigIpSimulator? simulator, Uri address)
    {
        App = app;
        Simulator = simulator;
        Address = address;
    }

    public WebApplication App { get; }

    /// <summary>The built-in BIG-IP, or null when CES drives a real one.</summary>
    public BigIpSimulator? Simulator { get; }

    public Uri Address { get; }

    /// <summary>Loads the config (null and the problems when it is invalid), starts the device and the host.</summary>
    public static async Task<RunningCes?> StartAsync(CesRunOptions run, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var config = new FileConfigSource(run.ConfigFile, run.ControllerNamespace);
        var loaded = config.Load();
        foreach (var diagnostic in loaded.Diagnostics)
        {
            await stderr.WriteLineAsync(diagnostic.ToString());
        }
        if (loaded.Config is null)
        {
            return null;
        }
        BigIpSimulator? simulator = null;
        var device = new Dictionary<string, string?> { ["Ces:Device:Url"] = run.DeviceUrl };
        if (run.DeviceUrl is null)
        {
            (simulator, device) = await CesHost.StartSimulatorAsync(loaded.Config, run.SimulatorSpeed, cancellationToken);
        }
        var app = CesHost.Build(run, config, device, stdout);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            // A port in use (or any start failure) must not leave the simulator running behind a failed host.
            await app.DisposeAsync();
            if (simulator is not null)
            {
                await simulator.DisposeAsync();
            }
            throw;
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningCes(app, simulator, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        var caFile = Simulator is null ? null : App.Configuration["Ces:Device:CaBundlePath"];
        await App.StopAsync();
        await App.DisposeAsync();
        if (Simulator is not null)
        {
            await Simulator.DisposeAsync();
            File.Delete(caFile!);
        }
    }
}
