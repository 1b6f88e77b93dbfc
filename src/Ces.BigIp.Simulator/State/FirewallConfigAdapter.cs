using Ces.Grains.Evaluator;

namespace Ces.BigIp.Simulator.State;

/// Maps the simulator's live AFM state to the evaluator's input, so what-if answers use exactly what the device holds.
internal static class FirewallConfigAdapter
{
    public static FirewallConfig From(DeviceState state)
    {
        var tenants = state.Tenants;
        return new FirewallConfig(
            [.. state.AddressLists.Select(list => new FirewallAddressList(list.Path, list.Addresses, list.Fqdns, list.AddressLists))],
            [.. state.PortLists.Select(list => new FirewallPortList(list.Path, list.Ports, list.PortLists))],
            [.. state.RuleLists.Select(list => new FirewallRuleList(list.Path, [.. list.Rules.Where(rule => rule.RuleList is null).Select(Rule)]))],
            [.. state.Policies.Select(policy => new FirewallPolicy(policy.Path, [.. policy.Rules.Select(Entry)]))],
            state.GlobalEnforcedPolicy,
            [.. state.RouteDomains.Where(rd => rd.FwEnforcedPolicy is not null || rd.FwStagedPolicy is not null)
                .Select(rd => new RouteDomainPolicy(rd.Id, rd.Path, rd.FwEnforcedPolicy, rd.FwStagedPolicy))],
            [.. tenants.SelectMany(tenant => tenant.Live.Virtuals.SelectMany(vs => Listeners(tenant.Live, vs)))],
            state.GlobalStagedPolicy);
    }

    private static FirewallPolicyEntry Entry(FirewallRuleState rule) =>
        rule.RuleList is { } list ? FirewallPolicyEntry.ListOf(list) : FirewallPolicyEntry.Inline(Rule(rule));

    private static FirewallRule Rule(FirewallRuleState rule) => new(rule.Name, rule.Action, rule.Protocol, End(rule.Source), End(rule.Destination));

    private static FirewallRuleEnd End(RuleEndpointState end) => new(end.AddressLists, end.Addresses, end.PortLists, end.Ports);

    /// <summary>One listener per virtual address; a Service_Address pointer is resolved, and `%id` picks the route domain.</summary>
    private static IEnumerable<FirewallVirtualServer> Listeners(TenantConfig tenant, VirtualServerState vs)
    {
        foreach (var entry in vs.Addresses)
        {
            // AS3 puts a Service_Address's virtual address in the partition itself (/T/name), not in the application folder.
            var partitionPath = entry.StartsWith('/') ? $"/{entry.Split('/')[1]}/{entry[(entry.LastIndexOf('/') + 1)..]}" : entry;
            var address = tenant.VirtualAddresses.FirstOrDefault(va => va.Path == entry || va.Path == partitionPath)?.Address ?? entry;
            yield return new FirewallVirtualServer(vs.Path, RouteDomainOf(address, tenant.DefaultRouteDomain), address, vs.Port, vs.Layer4, vs.FwEnforcedPolicy, vs.FwStagedPolicy);
        }
    }

    private static int RouteDomainOf(string address, int fallback)
    {
        var percent = address.IndexOf('%', StringComparison.Ordinal);
        if (percent < 0)
            return fallback;
        var end = address.IndexOf('/', percent);
        var digits = end < 0 ? address[(percent + 1)..] : address[(percent + 1)..end];
        return int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : fallback;
    }
}
