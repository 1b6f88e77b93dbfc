using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Ces.Grains.As3;

/// The AS3 custom `format` values (f5bigip, f5ip, f5pointer), in a registry private to the AS3 validators.
internal static partial class As3Formats
{
    private static readonly Lazy<FormatRegistry> LazyRegistry = new(CreateRegistry, LazyThreadSafetyMode.ExecutionAndPublication);

    public static FormatRegistry Registry => LazyRegistry.Value;

    public static bool IsBigIpPath(string value) => BigIpPathRegex().IsMatch(value);

    public static bool IsPointer(string value) => PointerRegex().IsMatch(value);

    public static bool IsF5Ip(string value)
    {
        if (value.Length == 0)
            return true;
        if (!IpCharactersRegex().IsMatch(value))
            return false;

        var address = value;
        int? prefixLength = null;
        var slash = address.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            if (!TryParseBounded(address[(slash + 1)..], 128, out var length))
                return false;
            prefixLength = length;
            address = address[..slash];
        }

        var percent = address.IndexOf('%', StringComparison.Ordinal);
        if (percent >= 0)
        {
            if (!TryParseBounded(address[(percent + 1)..], 65535, out _))
                return false;
            address = address[..percent];
        }

        if (IPv4Regex().IsMatch(address))
            return prefixLength is null or <= 32;
        return address.Contains(':', StringComparison.Ordinal)
            && IPAddress.TryParse(address, out var parsed)
            && parsed.AddressFamily == AddressFamily.InterNetworkV6;
    }

    private static FormatRegistry CreateRegistry()
    {
        var registry = new FormatRegistry();
        registry.Register(new PredicateFormat("f5bigip", element => IsStringOr(element, IsBigIpPath)));
        registry.Register(new PredicateFormat("f5ip", element => IsStringOr(element, IsF5Ip)));
        registry.Register(new PredicateFormat("f5pointer", element => IsStringOr(element, IsPointer)));
        return registry;
    }

    private static bool IsStringOr(JsonElement element, Func<string, bool> predicate) =>
        element.ValueKind != JsonValueKind.String || predicate(element.GetString()!);

    private static bool TryParseBounded(string digits, int max, out int value)
    {
        value = -1;
        return DigitsRegex().IsMatch(digits)
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value)
            && value <= max;
    }

    [GeneratedRegex("""^/[^\x00-\x19"#'*<>?\[\\\]{|}\x7f]+$""")]
    private static partial Regex BigIpPathRegex();

    [GeneratedRegex("^(@|[0-9]+|([0-9]*/)?((@|[0-9]+|[A-Za-z][0-9A-Za-z_]{0,63})/)*([0-9]+|[A-Za-z][0-9A-Za-z_]{0,63}))?#?$")]
    private static partial Regex PointerRegex();

    [GeneratedRegex("^[0-9a-fA-F:.%/]+$")]
    private static partial Regex IpCharactersRegex();

    [GeneratedRegex(@"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$")]
    private static partial Regex IPv4Regex();

    [GeneratedRegex("^[0-9]{1,5}$")]
    private static partial Regex DigitsRegex();
}
