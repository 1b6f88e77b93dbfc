using Ces.Grains.Evaluator;

namespace Ces.Grains.Tests.Evaluator;

/// <summary>Hand-built firewall configs: a global, a route-domain and a VS policy (ending in deny-all) in route domains 0 and 2.</summary>
internal static class Fw
{
    public const string GlobalPolicy = "/Common/Shared/global_policy";
    public const string RouteDomainPolicyPath = "/Common/Shared/ns_policy";
    public const string ServicePolicy = "/Common/Shared/svc_policy";
    public const string StagedPolicy = "/Common/Shared/staged_policy";
    public const string GlobalList = "/Common/Shared/global_rules";
    public const string RouteDomainList = "/Common/Shared/ns_rules";
    public const string ServiceList = "/Common/Shared/svc_rules";
    public const string DenyAllList = "/Common/Shared/deny_all_list";
    public const string VirtualServer = "/Common/Shared/outbound_vs";
    public const string VirtualServer2 = "/p2/Shared/outbound_vs";

    public static Flow Flow(string source = "10.1.0.5", string destination = "203.0.113.10", string protocol = "tcp", int? port = 443, int routeDomain = 0) =>
        new(source, routeDomain, destination, protocol, port);

    public static FirewallRule Rule(
        string name, string action, string? protocol = null,
        string[]? sourceLists = null, string[]? sources = null,
        string[]? destinationLists = null, string[]? destinations = null,
        string[]? portLists = null, string[]? ports = null) =>
        new(name, action, protocol,
            new FirewallRuleEnd(sourceLists ?? [], sources ?? []),
            new FirewallRuleEnd(destinationLists ?? [], destinations ?? [], portLists ?? [], ports ?? []));

    public static FirewallAddressList Addresses(string path, string[] addresses, string[]? fqdns = null, string[]? nested = null) =>
        new(path, addresses, fqdns ?? [], nested ?? []);

    public static FirewallConfig Config(
        FirewallRule[]? global = null,
        FirewallRule[]? routeDomain = null,
        FirewallRule[]? service = null,
        FirewallRule[]? staged = null,
        FirewallAddressList[]? addressLists = null,
        FirewallPortList[]? portLists = null,
        FirewallVirtualServer[]? servers = null) => new(
            [.. addressLists ?? []],
            [.. portLists ?? []],
            [
                new(GlobalList, [.. global ?? []]),
                new(RouteDomainList, [.. routeDomain ?? []]),
                new(ServiceList, [.. service ?? []]),
                new(DenyAllList, [Rule("deny_all_rule", "drop", "any")]),
            ],
            [
                new(GlobalPolicy, [FirewallPolicyEntry.ListOf(GlobalList)]),
                new(RouteDomainPolicyPath, [FirewallPolicyEntry.ListOf(RouteDomainList)]),
                new(ServicePolicy, [FirewallPolicyEntry.ListOf(ServiceList), FirewallPolicyEntry.ListOf(DenyAllList)]),
                new(StagedPolicy, [.. (staged ?? []).Select(FirewallPolicyEntry.Inline)]),
            ],
            GlobalPolicy,
            [new(0, "/Common/0", RouteDomainPolicyPath), new(2, "/p2/rd2", RouteDomainPolicyPath)],
            [.. servers ?? [Server(VirtualServer, 0, staged is null ? null : StagedPolicy), Server(VirtualServer2, 2)]]);

    public static FirewallVirtualServer Server(string path, int routeDomain, string? staged = null, string destination = "0.0.0.0", int port = 0, string layer4 = "any") =>
        new(path, routeDomain, destination, port, layer4, ServicePolicy, staged);

    public static Verdict Evaluate(this FirewallConfig config, Flow flow, FqdnTable? fqdns = null)
    {
        var evaluator = FirewallEvaluator.Build(config);
        Assert.Empty(evaluator.Warnings);
        return evaluator.Evaluate(flow, fqdns);
    }
}
