using System.Globalization;
using Ces.BigIp.Simulator.Faults;

namespace Ces.BigIp.Simulator.Hosting;

/// Reads `--port N [--http] [--user U --password P] [--speed X] [--auto-async-seconds S] ...` into options.
internal static class SimulatorCommandLine
{
    public const string Usage = """
        usage: Ces.BigIp.Simulator [--port 8443] [--http] [--user admin] [--password admin] [--speed 1.0]
                                   [--auto-async-seconds 45] [--token-seconds 1200] [--route-domain p2/rd2=2]...
                                   [--irule NAME]... [--component /Common/x]... [--burst] [--cert-out FILE]
                                   [--fault-rate 0.2 --fault-kinds Busy,Reset --fault-seed 1] [--log-level Information]
        """;

    /// <summary>The options, or an error message naming the argument that is wrong.</summary>
    public static (SimulatorOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var options = new SimulatorOptions();
        double faultRate = 0;
        var faultKinds = new List<FaultKind> { FaultKind.Busy };
        var faultSeed = 1;
        try
        {
            for (var i = 0; i < args.Count; i++)
            {
                string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{args[i]} needs a value");
                switch (args[i])
                {
                    case "--port": options.Port = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                    case "--http": options.UseHttps = false; break;
                    case "--user": options.User = Value(); break;
                    case "--password": options.Password = Value(); break;
                    case "--speed": options.Speed = double.Parse(Value(), CultureInfo.InvariantCulture); break;
                    case "--auto-async-seconds": options.AutoAsyncThreshold = Seconds(Value()); break;
                    case "--token-seconds": options.TokenLifetime = Seconds(Value()); break;
                    case "--route-domain": options.RouteDomains.Add(Checked(Value())); break;
                    case "--irule": options.IRules.Add(Value()); break;
                    case "--component": options.Components.Add(Value()); break;
                    case "--burst": options.BurstHandling = true; break;
                    case "--cert-out": options.CertificateOutputPath = Value(); break;
                    case "--fault-rate": faultRate = double.Parse(Value(), CultureInfo.InvariantCulture); break;
                    case "--fault-kinds": faultKinds = [.. Value().Split(',').Select(kind => Enum.Parse<FaultKind>(kind, ignoreCase: true))]; break;
                    case "--fault-seed": faultSeed = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                    case "--log-level": options.LogLevel = Enum.Parse<Microsoft.Extensions.Logging.LogLevel>(Value(), ignoreCase: true); break;
                    default: return (null, $"unknown argument {args[i]}");
                }
            }
        }
        catch (Exception exception) when (exception is FormatException or OverflowException or ArgumentException)
        {
            return (null, exception.Message);
        }
        options.FaultRate = faultRate > 0 ? new FaultRate(faultRate, faultKinds, "/mgmt/", faultSeed) : FaultRate.None;
        return (options, null);
    }

    private static string Checked(string routeDomain)
    {
        DeviceSeed.ParseRouteDomain(routeDomain);
        return routeDomain;
    }

    private static TimeSpan Seconds(string value) => TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture));
}
