using System.Globalization;

namespace Ces.Abstractions.Validation;

/// <summary>An AS3 <c>schemaVersion</c> such as 3.29.0, compared numerically (3.9 &lt; 3.29).</summary>
public readonly record struct SchemaVersion(int Major, int Minor, int Patch) : IComparable<SchemaVersion>
{
    public static bool TryParse(string? text, out SchemaVersion version)
    {
        version = default;
        var parts = (text ?? "").Split('.');
        if (parts.Length is < 2 or > 3 || parts.Any(p => p.Length == 0 || p.Length > 4 || !p.All(char.IsAsciiDigit)))
        {
            return false;
        }
        version = new SchemaVersion(
            int.Parse(parts[0], CultureInfo.InvariantCulture),
            int.Parse(parts[1], CultureInfo.InvariantCulture),
            parts.Length == 3 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : 0);
        return version.Major == 3;
    }

    public static SchemaVersion Parse(string text) =>
        TryParse(text, out var version) ? version : throw new FormatException($"'{text}' is not an AS3 schema version (3.x[.y])");

    public int CompareTo(SchemaVersion other) =>
        (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));

    public static bool operator <(SchemaVersion a, SchemaVersion b) => a.CompareTo(b) < 0;

    public static bool operator >(SchemaVersion a, SchemaVersion b) => a.CompareTo(b) > 0;

    public static bool operator <=(SchemaVersion a, SchemaVersion b) => a.CompareTo(b) <= 0;

    public static bool operator >=(SchemaVersion a, SchemaVersion b) => a.CompareTo(b) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}");
}
