using System.Text.RegularExpressions;

namespace Ces.Abstractions.Validation;

/// <summary>AS3's name rules (as3.md §3.3): what tenant and item names may look like and how long paths may be.</summary>
public static partial class As3NameRules
{
    /// <summary>AS3 rejects a <c>/Tenant/App/item</c> path longer than this with 422.</summary>
    public const int MaxPathLength = 195;

    public const int MaxNameLength = 190;

    public static bool IsValidItemName(string name) => name.Length <= MaxNameLength && ItemName().IsMatch(name);

    /// <summary>Tenant and prefix names: a letter first, no trailing hyphen.</summary>
    public static bool IsValidTenantName(string name) =>
        name.Length <= MaxNameLength && TenantName().IsMatch(name) && !name.EndsWith('-');

    /// <summary>Whether text can stand inside an item name (a name prefix or suffix built from Kubernetes names).</summary>
    public static bool IsValidNameFragment(string fragment) => fragment.Length > 0 && NameFragment().IsMatch(fragment);

    public static string Path(string tenant, string application, string item) => $"/{tenant}/{application}/{item}";

    [GeneratedRegex("^[A-Za-z]([0-9A-Za-z_.-]{0,188}[0-9A-Za-z_.])?$")]
    private static partial Regex ItemName();

    [GeneratedRegex("^[A-Za-z][0-9A-Za-z_.-]*$")]
    private static partial Regex TenantName();

    [GeneratedRegex("^[0-9A-Za-z_.-]+$")]
    private static partial Regex NameFragment();
}
