using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Ces.Abstractions.Validation;

/// <summary>What an ExternalService or source address string is.</summary>
public enum AddressKind
{
    Invalid,
    IPv4,
    IPv6,
    Cidr,
    Range,
    Hostname,
}

/// <summary>Strict address syntax: IPv4, IPv6, CIDR, ranges and DNS hostnames, as BIG-IP AFM takes them.</summary>
/// <remarks><see cref="IPAddress.TryParse(string, out IPAddress)"/> alone takes "1" as 0.0.0.1, so IPv4 is checked by hand.</remarks>
public static class AddressSyntax
{
    public static AddressKind Classify(string value)
    {
        if (string.IsNullOrEmpty(value) || value.Trim().Length != value.Length)
        {
            return AddressKind.Invalid;
        }
        if (IsIp(value))
        {
            return value.Contains(':') ? AddressKind.IPv6 : AddressKind.IPv4;
        }
        if (IsCidr(value))
        {
            return AddressKind.Cidr;
        }
        if (IsRange(value))
        {
            return AddressKind.Range;
        }
        return IsHostname(value) ? AddressKind.Hostname : AddressKind.Invalid;
    }

    /// <summary>An IP, CIDR or range: what AFM takes in an address list's <c>addresses</c>.</summary>
    public static bool IsNumeric(AddressKind kind) => kind is AddressKind.IPv4 or AddressKind.IPv6 or AddressKind.Cidr or AddressKind.Range;

    public static bool IsIp(string value) => IsIPv4(value) || IsIPv6(value);

    public static bool IsIPv4(string value)
    {
        var parts = value.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }
        foreach (var part in parts)
        {
            if (part.Length is 0 or > 3 || (part.Length > 1 && part[0] == '0') || !part.All(char.IsAsciiDigit))
            {
                return false;
            }
            if (int.Parse(part, CultureInfo.InvariantCulture) > 255)
            {
                return false;
            }
        }
        return true;
    }

    public static bool IsIPv6(string value) =>
        value.Contains(':') && !value.Contains('%') && !value.Contains('/')
        && IPAddress.TryParse(value, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6;

    public static bool IsCidr(string value)
    {
        var slash = value.IndexOf('/');
        if (slash <= 0 || slash == value.Length - 1)
        {
            return false;
        }
        var address = value[..slash];
        var length = value[(slash + 1)..];
        if (!length.All(char.IsAsciiDigit) || length.Length > 3 || (length.Length > 1 && length[0] == '0'))
        {
            return false;
        }
        var bits = int.Parse(length, CultureInfo.InvariantCulture);
        return (IsIPv4(address) && bits <= 32) || (IsIPv6(address) && bits <= 128);
    }

    /// <summary>An address range <c>a-b</c> of one family with a ≤ b.</summary>
    public static bool IsRange(string value)
    {
        var dash = value.IndexOf('-');
        if (dash <= 0 || dash == value.Length - 1)
        {
            return false;
        }
        var (first, last) = (value[..dash], value[(dash + 1)..]);
        if (!(IsIPv4(first) && IsIPv4(last)) && !(IsIPv6(first) && IsIPv6(last)))
        {
            return false;
        }
        var a = IPAddress.Parse(first).GetAddressBytes();
        var b = IPAddress.Parse(last).GetAddressBytes();
        return a.AsSpan().SequenceCompareTo(b) <= 0;
    }

    /// <summary>An RFC 1123 hostname with at least two labels (a DNS name AFM's FQDN resolver can look up).</summary>
    public static bool IsHostname(string value)
    {
        if (value.Length > 253 || value.EndsWith('.'))
        {
            return false;
        }
        var labels = value.Split('.');
        if (labels.Length < 2 || labels[^1].All(char.IsAsciiDigit))
        {
            return false;
        }
        return labels.All(label =>
            label.Length is >= 1 and <= 63
            && char.IsAsciiLetterOrDigit(label[0])
            && char.IsAsciiLetterOrDigit(label[^1])
            && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));
    }
}
