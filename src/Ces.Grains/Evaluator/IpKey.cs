using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Ces.Grains.Evaluator;

/// <summary>An IP address as a number of its family, so matching is integer comparison.</summary>
internal readonly record struct IpKey(bool IsV6, UInt128 Value)
{
    /// <summary>Parses a plain IPv4 or IPv6 address (no <c>%id</c>, no prefix).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out IpKey key)
    {
        key = default;
        if (text.Contains('%'))
        {
            return false;
        }
        if (!text.Contains(':'))
        {
            // By hand: IPAddress.TryParse takes "1" for 0.0.0.1, which AFM does not, and this is the hot path of Build.
            var ok = TryParseIPv4(text, out var v4);
            key = new IpKey(false, v4);
            return ok;
        }
        Span<byte> bytes = stackalloc byte[16];
        if (!IPAddress.TryParse(text, out var address) || address.AddressFamily != AddressFamily.InterNetworkV6 || !address.TryWriteBytes(bytes, out _))
        {
            return false;
        }
        key = new IpKey(true, BinaryPrimitives.ReadUInt128BigEndian(bytes));
        return true;
    }

    public static IpKey Parse(string text, string what) =>
        TryParse(text, out var key) ? key : throw new ArgumentException($"'{text}' is not an IPv4 or IPv6 address", what);

    public int Bits => IsV6 ? 128 : 32;

    /// <summary>Strict dotted quad: four decimal octets, no leading zeros.</summary>
    private static bool TryParseIPv4(ReadOnlySpan<char> text, out uint value)
    {
        value = 0;
        int octets = 0, current = -1, digits = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                if (digits > 0 && current == 0)
                {
                    return false;
                }
                current = (current < 0 ? 0 : current * 10) + (c - '0');
                if (++digits > 3 || current > 255)
                {
                    return false;
                }
                continue;
            }
            if (c != '.' || current < 0 || octets == 3)
            {
                return false;
            }
            value = (value << 8) | (uint)current;
            (octets, current, digits) = (octets + 1, -1, 0);
        }
        if (octets != 3 || current < 0)
        {
            return false;
        }
        value = (value << 8) | (uint)current;
        return true;
    }
}
