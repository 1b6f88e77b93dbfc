using System.Globalization;
using Ces.Abstractions.Validation;

namespace Ces.Grains.Explain;

/// <summary>A parsed <c>--to</c>: <c>HOST[:PORT][/PROTO]</c>, HOST an IP (<c>[v6]</c> with a port) or a DNS name; PROTO defaults to tcp.</summary>
public sealed record DestinationSpec(string Input, string Host, bool IsFqdn, string Protocol, int? Port)
{
    public static DestinationSpec? TryParse(string? text, out string error)
    {
        error = "";
        var input = text?.Trim() ?? "";
        var slash = input.LastIndexOf('/');
        var protocol = slash < 0 ? "tcp" : input[(slash + 1)..].ToLowerInvariant();
        var (host, portText) = SplitPort(slash < 0 ? input : input[..slash]);
        if (!FirewallProtocols.Since332.Contains(protocol) || protocol == "any")
        {
            error = $"'{input}': '{protocol}' is not an IP protocol keyword (tcp, udp, icmp, …); write HOST:PORT/PROTO, e.g. 211.6.6.7:3306/tcp";
            return null;
        }
        if (host.Length == 0 || !(AddressSyntax.IsIp(host) || AddressSyntax.IsHostname(host)))
        {
            error = $"'{input}': '{host}' is not an IP address or DNS name; write HOST:PORT/PROTO, e.g. www.example.com:443/tcp";
            return null;
        }
        int? port = null;
        if (portText is not null)
        {
            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p is < 1 or > 65535)
            {
                error = $"'{input}': '{portText}' is not a port between 1 and 65535";
                return null;
            }
            port = p;
        }
        else if (FirewallProtocols.WithPorts.Contains(protocol))
        {
            error = $"'{input}': {protocol} needs a port; write HOST:PORT/{protocol}";
            return null;
        }
        return new DestinationSpec(input, host, !AddressSyntax.IsIp(host), protocol, port);
    }

    /// <summary>Splits <c>host:port</c>, <c>[v6]:port</c>; a bare IPv6 address has no port.</summary>
    private static (string Host, string? Port) SplitPort(string hostPort)
    {
        if (hostPort.StartsWith('['))
        {
            var close = hostPort.IndexOf(']', StringComparison.Ordinal);
            return close < 0 ? (hostPort, null)
                : (hostPort[1..close], close + 1 < hostPort.Length && hostPort[close + 1] == ':' ? hostPort[(close + 2)..] : null);
        }
        var colon = hostPort.LastIndexOf(':');
        return colon < 0 || hostPort.IndexOf(':', StringComparison.Ordinal) != colon ? (hostPort, null) : (hostPort[..colon], hostPort[(colon + 1)..]);
    }
}
