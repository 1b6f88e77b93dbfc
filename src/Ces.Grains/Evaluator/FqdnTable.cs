namespace Ces.Grains.Evaluator;

/// <summary>What the caller's DNS says each FQDN resolves to, parsed once; stands in for AFM's FQDN resolver.</summary>
/// <remarks>Build one per snapshot of DNS answers and reuse it across flows. Unparseable addresses are ignored.</remarks>
public sealed class FqdnTable
{
    private readonly Dictionary<string, AddressRange[]> _names;

    private FqdnTable(Dictionary<string, AddressRange[]> names) => _names = names;

    public static FqdnTable Empty { get; } = new(new Dictionary<string, AddressRange[]>(StringComparer.OrdinalIgnoreCase));

    /// <summary>Hostname → IP addresses (an address may carry <c>%id</c> to hold in one route domain only).</summary>
    public static FqdnTable From(IReadOnlyDictionary<string, IReadOnlyList<string>> answers)
    {
        var names = new Dictionary<string, AddressRange[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, addresses) in answers)
        {
            var ranges = addresses.Select(a => AddressRange.TryParse(a, out var r) ? r : (AddressRange?)null).OfType<AddressRange>();
            names[Normalize(name)] = [.. (names.TryGetValue(Normalize(name), out var known) ? known : []), .. ranges];
        }
        return new FqdnTable(names);
    }

    /// <summary>DNS names compare case-insensitively and with or without the root dot.</summary>
    internal static string Normalize(string name) => name.TrimEnd('.');

    internal bool Resolves(string name, IpKey ip, int routeDomain)
    {
        if (!_names.TryGetValue(name, out var ranges))
        {
            return false;
        }
        foreach (var range in ranges)
        {
            if (range.Contains(ip, routeDomain))
            {
                return true;
            }
        }
        return false;
    }
}
