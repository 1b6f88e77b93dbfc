using System.Globalization;
using Ces.Abstractions.Validation;

namespace Ces.Grains.Compiler;

/// <summary>A <c>logPool.serverAddresses</c> entry: <c>ip[:port]</c>, IPv6 as <c>[addr]:port</c> or bare (CES split on ':', bug 22).</summary>
public readonly record struct LogServer(string Address, int Port)
{
    public const int DefaultPort = 514;

    public static LogServer Parse(string entry) =>
        TryParse(entry, out var server) ? server : throw new FormatException($"'{entry}' is not ip[:port]");

    public static bool TryParse(string entry, out LogServer server)
    {
        server = default;
        string address;
        var port = DefaultPort;
        if (entry.StartsWith('['))
        {
            var close = entry.IndexOf(']');
            if (close < 0)
            {
                return false;
            }
            address = entry[1..close];
            var rest = entry[(close + 1)..];
            if (rest.Length > 0 && (!rest.StartsWith(':') || !TryPort(rest[1..], out port)))
            {
                return false;
            }
        }
        else if (AddressSyntax.IsIPv6(entry))
        {
            address = entry;
        }
        else
        {
            var colon = entry.IndexOf(':');
            address = colon < 0 ? entry : entry[..colon];
            if (colon >= 0 && !TryPort(entry[(colon + 1)..], out port))
            {
                return false;
            }
        }
        if (!AddressSyntax.IsIp(address))
        {
            return false;
        }
        server = new LogServer(address, port);
        return true;
    }

    private static bool TryPort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is >= 1 and <= 65535;
}
