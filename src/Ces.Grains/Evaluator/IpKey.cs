using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Ces.Abstractions.Validation;

namespace Ces.Grains.Evaluator;

/// <summary>An IP address as a number of its family, so matching is integer comparison.</summary>
internal readonly record struct IpKey(bool IsV6, UInt128 Value)
{
    /// <summary>Parses a plain IPv4 or IPv6 address (no <c>%id</c>, no prefix).</summary>
    public static bool TryParse(string text, out IpKey key)
    {
        key = default;
        // IPAddress.TryParse takes "1" for 0.0.0.1; AFM does not, so IPv4 is checked strictly first.
        if (text.Contains('%') || (!text.Contains(':') && !AddressSyntax.IsIPv4(text)))
        {
            return false;
        }
        if (!IPAddress.TryParse(text, out var address))
        {
            return false;
        }
        Span<byte> bytes = stackalloc byte[16];
        if (!address.TryWriteBytes(bytes, out var written))
        {
            return false;
        }
        key = address.AddressFamily == AddressFamily.InterNetworkV6
            ? new IpKey(true, BinaryPrimitives.ReadUInt128BigEndian(bytes))
            : new IpKey(false, BinaryPrimitives.ReadUInt32BigEndian(bytes[..written]));
        return true;
    }

    public static IpKey Parse(string text, string what) =>
        TryParse(text, out var key) ? key : throw new ArgumentException($"'{text}' is not an IPv4 or IPv6 address", what);

    public int Bits => IsV6 ? 128 : 32;
}
