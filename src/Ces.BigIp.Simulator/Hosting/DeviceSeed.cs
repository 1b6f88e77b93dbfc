using System.Globalization;
using Ces.BigIp.Simulator.State;

namespace Ces.BigIp.Simulator.Hosting;

/// What exists on the device before any declaration: BIG-IP built-ins plus what the options add.
internal static class DeviceSeed
{
    public static readonly IReadOnlyList<string> BuiltIns =
    [
        "/Common/gateway_icmp", "/Common/tcp", "/Common/udp", "/Common/http", "/Common/icmp",
        "/Common/local-db", "/Common/local-db-publisher", "/Common/Log all requests", "/Common/global-network",

        // VLANs made at first setup on nearly every device; F5's examples refer to them.
        "/Common/external", "/Common/internal",
    ];

    public static DeviceState Create(SimulatorOptions options) => new(
        BuiltIns.Concat(options.IRules.Select(name => name.StartsWith('/') ? name : $"/Common/{name}")).Concat(options.Components),
        [new RouteDomainState("/Common/0", 0, null), .. options.RouteDomains.Select(ParseRouteDomain)]);

    /// <summary>`partition/name=id`, `name=id` (in /Common) or a bare id (named after itself in /Common).</summary>
    public static RouteDomainState ParseRouteDomain(string text)
    {
        var (name, idText) = text.Split('=', 2) is [var left, var right] ? (left, right) : (text, text);
        if (!int.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id > 65534)
            throw new FormatException($"Route domain '{text}' is not partition/name=id (id 0–65534), e.g. p2/rd2=2");
        var path = name.Contains('/') ? $"/{name.Trim('/')}" : $"/Common/{name}";
        return new RouteDomainState(path, id, null);
    }
}
