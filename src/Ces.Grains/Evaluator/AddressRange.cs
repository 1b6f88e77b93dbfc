using System.Globalization;

namespace Ces.Grains.Evaluator;

/// <summary>An inclusive address range of one family, in one route domain or (<see cref="AnyRouteDomain"/>) in all.</summary>
internal readonly record struct AddressRange(bool IsV6, UInt128 First, UInt128 Last, int RouteDomain)
{
    public const int AnyRouteDomain = -1;

    /// <summary>Parses an address-list entry: <c>ip</c>, <c>ip%id</c>, <c>ip/len</c>, <c>ip%id/len</c> or <c>a-b</c> (each end may carry <c>%id</c>).</summary>
    public static bool TryParse(string entry, out AddressRange range)
    {
        range = default;
        var text = entry.Trim();
        var dash = text.IndexOf('-');
        if (dash > 0)
        {
            if (!TryParseHost(text[..dash], out var first, out var rd1) || !TryParseHost(text[(dash + 1)..], out var last, out var rd2)
                || first.IsV6 != last.IsV6 || first.Value > last.Value || (rd1 != rd2 && rd1 != AnyRouteDomain && rd2 != AnyRouteDomain))
            {
                return false;
            }
            range = new AddressRange(first.IsV6, first.Value, last.Value, Math.Max(rd1, rd2));
            return true;
        }
        var slash = text.IndexOf('/');
        if (!TryParseHost(slash < 0 ? text : text[..slash], out var ip, out var rd))
        {
            return false;
        }
        var prefix = ip.Bits;
        if (slash >= 0 && (!int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > ip.Bits))
        {
            return false;
        }
        range = Cidr(ip, prefix, rd);
        return true;
    }

    public static AddressRange Cidr(IpKey ip, int prefix, int routeDomain)
    {
        var hostBits = ip.Bits - prefix;
        var hostMask = hostBits == 128 ? UInt128.MaxValue : (UInt128.One << hostBits) - 1;
        var first = ip.Value & ~hostMask;
        return new AddressRange(ip.IsV6, first, first | hostMask, routeDomain);
    }

    /// <summary>An address with an optional <c>%id</c> suffix; without one it applies in every route domain.</summary>
    public static bool TryParseHost(string text, out IpKey ip, out int routeDomain)
    {
        routeDomain = AnyRouteDomain;
        var percent = text.IndexOf('%');
        if (percent >= 0)
        {
            if (!int.TryParse(text[(percent + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out routeDomain) || routeDomain > 65535)
            {
                ip = default;
                return false;
            }
            text = text[..percent];
        }
        return IpKey.TryParse(text.AsSpan(), out ip);
    }

    public bool Contains(IpKey ip, int routeDomain) =>
        ip.IsV6 == IsV6 && (RouteDomain == AnyRouteDomain || RouteDomain == routeDomain) && ip.Value >= First && ip.Value <= Last;
}
