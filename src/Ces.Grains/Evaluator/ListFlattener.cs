using Ces.Abstractions.Validation;

namespace Ces.Grains.Evaluator;

/// <summary>Flattens address and port lists (nested lists included) into parsed entries, once per list.</summary>
/// <remarks>Bad entries, unknown lists and cycles add a warning and contribute nothing, so a rule fails closed.</remarks>
internal sealed class ListFlattener(FirewallConfig config, ICollection<string> warnings)
{
    private readonly Dictionary<string, FirewallAddressList> _addressLists = ByPath(config.AddressLists, l => l.Path);
    private readonly Dictionary<string, FirewallPortList> _portLists = ByPath(config.PortLists, l => l.Path);
    private readonly Dictionary<string, (AddressRange[] Ranges, string[] Fqdns)> _addresses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PortRange[]> _ports = new(StringComparer.Ordinal);
    private readonly HashSet<string> _visiting = new(StringComparer.Ordinal);

    public (AddressRange[] Ranges, string[] Fqdns) Addresses(string path)
    {
        if (_addresses.TryGetValue(path, out var done))
        {
            return done;
        }
        if (!_addressLists.TryGetValue(path, out var list) || !_visiting.Add(path))
        {
            warnings.Add(list is null ? $"address list {path} does not exist" : $"address list {path} contains itself");
            return ([], []);
        }
        var ranges = new List<AddressRange>(ParseAddresses(list.Addresses, path));
        var fqdns = new List<string>(list.Fqdns);
        foreach (var nested in list.AddressLists.Select(Addresses))
        {
            ranges.AddRange(nested.Ranges);
            fqdns.AddRange(nested.Fqdns);
        }
        _visiting.Remove(path);
        return _addresses[path] = ([.. ranges], [.. fqdns]);
    }

    public PortRange[] Ports(string path)
    {
        if (_ports.TryGetValue(path, out var done))
        {
            return done;
        }
        if (!_portLists.TryGetValue(path, out var list) || !_visiting.Add(path))
        {
            warnings.Add(list is null ? $"port list {path} does not exist" : $"port list {path} contains itself");
            return [];
        }
        PortRange[] ports = [.. ParsePorts(list.Ports, path), .. list.PortLists.SelectMany(Ports)];
        _visiting.Remove(path);
        return _ports[path] = ports;
    }

    public IEnumerable<AddressRange> ParseAddresses(IEnumerable<string> entries, string where)
    {
        foreach (var entry in entries)
        {
            if (AddressRange.TryParse(entry, out var range))
            {
                yield return range;
            }
            else
            {
                warnings.Add($"{where}: '{entry}' is not an address, CIDR or range; ignored");
            }
        }
    }

    public IEnumerable<PortRange> ParsePorts(IEnumerable<string> entries, string where)
    {
        foreach (var entry in entries)
        {
            if (PortSyntax.TryParse(entry.Trim(), out _) is { } ranges)
            {
                foreach (var range in ranges)
                {
                    yield return range;
                }
            }
            else
            {
                warnings.Add($"{where}: '{entry}' is not a port or port range; ignored");
            }
        }
    }

    private static Dictionary<string, T> ByPath<T>(IEnumerable<T> items, Func<T, string> path)
    {
        var byPath = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            byPath[path(item)] = item;
        }
        return byPath;
    }
}
