namespace Ces.Grains.Evaluator;

/// <summary>Virtual servers per route domain, most specific first, so the first listener found is the one BIG-IP picks.</summary>
internal sealed class VirtualServerIndex
{
    private readonly Dictionary<int, CompiledVirtualServer[]> _byRouteDomain;

    public VirtualServerIndex(IEnumerable<CompiledVirtualServer> servers) =>
        _byRouteDomain = servers
            .GroupBy(s => s.RouteDomain)
            .ToDictionary(g => g.Key, g => g
                .OrderByDescending(s => s.PrefixLength)
                .ThenByDescending(s => s.HasPort)
                .ThenByDescending(s => s.HasProtocol)
                .ThenBy(s => s.Path, StringComparer.Ordinal)
                .ToArray());

    /// <summary>The listener for the flow in its route domain, or null (no listener: the packet is dropped).</summary>
    public CompiledVirtualServer? Find(in FlowKey flow)
    {
        if (!_byRouteDomain.TryGetValue(flow.RouteDomain, out var servers))
        {
            return null;
        }
        foreach (var server in servers)
        {
            if (server.Listens(flow))
            {
                return server;
            }
        }
        return null;
    }
}
