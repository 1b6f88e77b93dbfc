using Ces.Abstractions.Api;
using Ces.Abstractions.Validation;
using Ces.Grains.Compiler;

namespace Ces.Grains.Explain;

/// <summary>Turns a <c>--from</c> (<c>NAMESPACE/POD</c>, or an IP with an optional <c>%RD</c>) into a source address, namespace and route domain.</summary>
public sealed class SourceResolver
{
    private readonly Dictionary<string, PodObject> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PodObject> _byIp = new(StringComparer.Ordinal);
    private readonly TenantMap _tenants;

    public SourceResolver(ClusterSnapshot snapshot, TenantMap tenants)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _tenants = tenants;
        foreach (var pod in snapshot.Pods.OrderBy(p => $"{p.Metadata.Namespace}/{p.Metadata.Name}", StringComparer.Ordinal))
        {
            _byName[$"{pod.Metadata.Namespace}/{pod.Metadata.Name}"] = pod;
            foreach (var ip in pod.PodIPs.Where(_ => pod.ContributesSourceAddresses))
            {
                _byIp.TryAdd(ip, pod);
            }
        }
    }

    /// <summary>The resolved source, or null and why; <paramref name="notes"/> collects caveats.</summary>
    public ExplainedSource? Resolve(string from, bool ipv6Destination, List<string> notes, out string error)
    {
        error = "";
        var input = from.Trim();
        if (input.Contains('/', StringComparison.Ordinal))
        {
            return ResolvePod(input, ipv6Destination, notes, out error);
        }
        var percent = input.IndexOf('%', StringComparison.Ordinal);
        var ip = percent < 0 ? input : input[..percent];
        if (!AddressSyntax.IsIp(ip))
        {
            error = $"'{input}' is neither NAMESPACE/POD nor an IP address";
            return null;
        }
        if (_byIp.TryGetValue(ip, out var pod))
        {
            return Source(input, ip, pod, percent < 0 ? null : RouteDomain(input[(percent + 1)..]));
        }
        var routeDomain = percent < 0 ? 0 : RouteDomain(input[(percent + 1)..]);
        if (routeDomain is null)
        {
            error = $"'{input}': the route domain after % is not a number";
            return null;
        }
        notes.Add($"{ip} is no known pod's address: evaluated as a non-pod source in route domain {routeDomain} (write IP%RD for another)");
        return new ExplainedSource(input, ip, null, null, null, routeDomain.Value);
    }

    private ExplainedSource? ResolvePod(string input, bool ipv6Destination, List<string> notes, out string error)
    {
        error = "";
        if (!_byName.TryGetValue(input, out var pod))
        {
            error = $"pod {input} is not in the manifests (write NAMESPACE/POD, or the pod's IP)";
            return null;
        }
        var ips = pod.PodIPs.Where(AddressSyntax.IsIp).ToList();
        if (!pod.ContributesSourceAddresses || ips.Count == 0)
        {
            error = $"pod {input} has no address of its own (host network, finished, or no IP yet), so CES lists none for it";
            return null;
        }
        var ip = ips.FirstOrDefault(a => AddressSyntax.IsIPv6(a) == ipv6Destination) ?? ips[0];
        if (ips.Count > 1)
        {
            notes.Add($"pod {input} has addresses {string.Join(", ", ips)}; explained for {ip}");
        }
        return Source(input, ip, pod, null);
    }

    private ExplainedSource Source(string input, string ip, PodObject pod, int? routeDomain)
    {
        var ns = pod.Metadata.Namespace ?? "";
        var tenant = _tenants.ForNamespace(ns);
        return new ExplainedSource(input, ip, ns, pod.Metadata.Name, tenant?.Name, routeDomain ?? (tenant is null ? 0 : _tenants.RouteDomainId(tenant)));
    }

    private static int? RouteDomain(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
}
