using System.Globalization;

namespace Ces.Grains.Evaluator;

/// <summary>A virtual server's listener (address range, port, protocol) and its compiled policies.</summary>
internal sealed class CompiledVirtualServer
{
    private readonly AddressRange? _address;
    private readonly int _port;
    private readonly int _protocol;

    private CompiledVirtualServer(string path, int routeDomain, AddressRange? address, int prefix, int port, int protocol)
    {
        Path = path;
        RouteDomain = routeDomain;
        _address = address;
        PrefixLength = prefix;
        _port = port;
        _protocol = protocol;
    }

    public string Path { get; }

    public int RouteDomain { get; }

    /// <summary>How specific the address is: 0 for a wildcard listener.</summary>
    public int PrefixLength { get; }

    public bool HasPort => _port != 0;

    public bool HasProtocol => _protocol != ProtocolIds.Any;

    public CompiledPolicy? Enforced { get; private init; }

    public CompiledPolicy? Staged { get; private init; }

    /// <summary>Parses the listener; null when the destination is not an address or CIDR.</summary>
    public static CompiledVirtualServer? Create(FirewallVirtualServer vs, ProtocolIds protocols, CompiledPolicy? enforced, CompiledPolicy? staged) =>
        Listener(vs, protocols) is { } server ? new(server.Path, server.RouteDomain, server._address, server.PrefixLength, server._port, server._protocol)
        {
            Enforced = enforced,
            Staged = staged,
        } : null;

    private static CompiledVirtualServer? Listener(FirewallVirtualServer vs, ProtocolIds protocols)
    {
        var protocol = protocols.Intern(vs.Layer4);
        if (IsWildcard(vs.Destination))
        {
            return new CompiledVirtualServer(vs.Path, vs.RouteDomain, null, 0, vs.Port, protocol);
        }
        var slash = vs.Destination.IndexOf('/');
        if (!AddressRange.TryParseHost(slash < 0 ? vs.Destination : vs.Destination[..slash], out var ip, out var rd))
        {
            return null;
        }
        var prefix = ip.Bits;
        if (slash >= 0 && (!int.TryParse(vs.Destination[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > ip.Bits))
        {
            return null;
        }
        // A %id on the address wins over the tenant's default route domain, as on BIG-IP.
        var routeDomain = rd == AddressRange.AnyRouteDomain ? vs.RouteDomain : rd;
        return new CompiledVirtualServer(vs.Path, routeDomain, AddressRange.Cidr(ip, prefix, routeDomain), prefix, vs.Port, protocol);
    }

    public bool Listens(in FlowKey flow) =>
        (_address is not { } address || address.Contains(flow.Destination, flow.RouteDomain))
        && (_port == 0 || _port == flow.Port)
        && (_protocol == ProtocolIds.Any || _protocol == flow.Protocol);

    /// <summary>The wildcard addresses: any destination of either family (an assumption; see <see cref="FirewallEvaluator"/>).</summary>
    private static bool IsWildcard(string destination)
    {
        var host = destination.Split('%', '/')[0];
        var prefix = destination.Contains('/') ? destination[(destination.IndexOf('/') + 1)..] : "0";
        return (host is "0.0.0.0" or "::" or "any" or "any6") && prefix == "0" && !destination.Contains('%');
    }
}
