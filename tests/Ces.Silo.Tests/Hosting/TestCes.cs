using System.Net;
using System.Net.Sockets;
using Ces.Silo.Hosting;

namespace Ces.Silo.Tests.Hosting;

/// <summary>Starts <c>ces run</c> in-process on a copy of the bundled examples: free ports, the simulator sped up.</summary>
internal static class TestCes
{
    /// <summary>Copies the examples into <paramref name="folder"/> (so a test may edit them) and starts CES on them.</summary>
    public static async Task<RunningCes> StartAsync(string folder)
    {
        var examples = Path.Combine(AppContext.BaseDirectory, "examples");
        foreach (var file in Directory.GetFiles(examples, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(examples, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var run = new CesRunOptions
        {
            ConfigFile = Path.Combine(folder, "ces-conf.yaml"),
            Manifests = Path.Combine(folder, "manifests"),
            HttpPort = 0,
            SiloPort = FreePort(),
            GatewayPort = FreePort(),
            SimulatorSpeed = 0.001,
            RescanInterval = TimeSpan.FromMilliseconds(200),
        };
        return await RunningCes.StartAsync(run, TextWriter.Null, TextWriter.Null, TestContext.Current.CancellationToken)
            ?? throw new InvalidOperationException("the bundled config did not load");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
