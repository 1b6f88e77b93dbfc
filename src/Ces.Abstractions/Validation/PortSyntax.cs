using System.Globalization;

namespace Ces.Abstractions.Validation;

/// <summary>One port or port range, inclusive.</summary>
public readonly record struct PortRange(int First, int Last)
{
    public override string ToString() => First == Last
        ? First.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{First}-{Last}");
}

/// <summary>The ExternalService <c>port</c> syntax: a port, a range <c>a-b</c>, or a comma list of these (CES 0.5's CRD regex).</summary>
public static class PortSyntax
{
    public const int MaxPort = 65535;

    /// <summary>Parses the port field; on failure returns null and says why.</summary>
    public static IReadOnlyList<PortRange>? TryParse(string value, out string? error)
    {
        error = null;
        var ranges = new List<PortRange>();
        foreach (var item in value.Split(','))
        {
            var dash = item.IndexOf('-');
            var first = dash < 0 ? item : item[..dash];
            var last = dash < 0 ? item : item[(dash + 1)..];
            if (!TryParsePort(first, out var a) || !TryParsePort(last, out var b))
            {
                error = $"'{value}' is not a port, a range a-b or a comma-separated list of these (ports 1-{MaxPort})";
                return null;
            }
            if (a > b)
            {
                error = $"range '{item}' ends before it starts";
                return null;
            }
            ranges.Add(new PortRange(a, b));
        }
        return ranges;
    }

    private static bool TryParsePort(string text, out int port)
    {
        port = 0;
        return text.Length is > 0 and <= 5
            && text.All(char.IsAsciiDigit)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port)
            && port is >= 1 and <= MaxPort;
    }
}
