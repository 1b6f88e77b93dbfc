using System.Text.Json.Nodes;
using Ces.BigIp.Simulator.State;

namespace Ces.BigIp.Simulator.Endpoints;

/// iControl REST shapes of the simulated objects (as3.md §9): camelCase attributes, `~` for `/` in links.
internal static class IControlJson
{
    public const string Version = "17.1.0";

    public static string Uri(string path) => path.Replace('/', '~');

    public static string PathOf(string uriName) => uriName.Replace('~', '/');

    public static JsonObject Collection(string kind, IEnumerable<JsonObject> items) => new()
    {
        ["kind"] = $"tm:{kind}:{kind[(kind.LastIndexOf(':') + 1)..]}collectionstate",
        ["selfLink"] = $"https://localhost/mgmt/tm/{kind.Replace(':', '/')}?ver={Version}",
        ["items"] = new JsonArray([.. items]),
    };

    public static JsonObject AddressList(AddressListState list)
    {
        var json = Item("security:firewall:address-list", list.Path);
        json["addresses"] = Names(list.Addresses);
        if (list.Fqdns.Count > 0)
            json["fqdns"] = Names(list.Fqdns);
        if (list.AddressLists.Count > 0)
            json["addressLists"] = new JsonArray([.. list.AddressLists.Select(path => (JsonNode)path)]);
        return json;
    }

    public static JsonObject PortList(PortListState list)
    {
        var json = Item("security:firewall:port-list", list.Path);
        json["ports"] = Names(list.Ports);
        return json;
    }

    public static JsonObject RuleList(RuleListState list)
    {
        var json = Item("security:firewall:rule-list", list.Path);
        json["rules"] = new JsonArray([.. list.Rules.Select(Rule)]);
        return json;
    }

    public static JsonObject Policy(PolicyState policy)
    {
        var json = Item("security:firewall:policy", policy.Path);
        json["rules"] = new JsonArray([.. policy.Rules.Select(Rule)]);
        return json;
    }

    public static JsonObject Virtual(VirtualServerState virtualServer)
    {
        var json = Item("ltm:virtual", virtualServer.Path);
        json["destination"] = $"/{virtualServer.Path.Split('/')[1]}/{virtualServer.Addresses.FirstOrDefault() ?? "0.0.0.0"}:{virtualServer.Port}";
        json["ipProtocol"] = virtualServer.Layer4;
        if (virtualServer.FwEnforcedPolicy is { } enforced)
            json["fwEnforcedPolicy"] = enforced;
        if (virtualServer.FwStagedPolicy is { } staged)
            json["fwStagedPolicy"] = staged;
        if (virtualServer.SecurityLogProfiles.Count > 0)
            json["securityLogProfiles"] = new JsonArray([.. virtualServer.SecurityLogProfiles.Select(p => (JsonNode)p)]);
        if (virtualServer.Pool is { } pool)
            json["pool"] = pool;
        return json;
    }

    public static JsonObject RouteDomain(RouteDomainState routeDomain)
    {
        var json = Item("net:route-domain", routeDomain.Path);
        json["id"] = routeDomain.Id;
        if (routeDomain.FwEnforcedPolicy is { } policy)
            json["fwEnforcedPolicy"] = policy;
        if (routeDomain.FwStagedPolicy is { } staged)
            json["fwStagedPolicy"] = staged;
        return json;
    }

    public static JsonObject GlobalRules(string? enforcedPolicy, string? stagedPolicy = null)
    {
        var json = new JsonObject
        {
            ["kind"] = "tm:security:firewall:global-rules:global-rulesstate",
            ["selfLink"] = $"https://localhost/mgmt/tm/security/firewall/global-rules?ver={Version}",
        };
        if (enforcedPolicy is not null)
            json["enforcedPolicy"] = enforcedPolicy;
        if (stagedPolicy is not null)
            json["stagedPolicy"] = stagedPolicy;
        return json;
    }

    public static JsonObject Error(int code, string message) => new()
    {
        ["code"] = code,
        ["message"] = message,
        ["errorStack"] = new JsonArray(),
        ["apiError"] = 3,
    };

    private static JsonObject Rule(FirewallRuleState rule)
    {
        var json = new JsonObject { ["name"] = rule.Name };
        if (rule.RuleList is { } ruleList)
        {
            json["ruleList"] = ruleList;
            return json;
        }
        json["action"] = rule.Action;
        json["ipProtocol"] = rule.Protocol;
        json["log"] = rule.Log ? "yes" : "no";
        json["source"] = Endpoint(rule.Source);
        json["destination"] = Endpoint(rule.Destination);
        if (rule.IRule is { } iRule)
            json["irule"] = iRule;
        return json;
    }

    private static JsonObject Endpoint(RuleEndpointState side) => new()
    {
        ["addresses"] = Names(side.Addresses),
        ["addressLists"] = new JsonArray([.. side.AddressLists.Select(p => (JsonNode)p)]),
        ["ports"] = Names(side.Ports),
        ["portLists"] = new JsonArray([.. side.PortLists.Select(p => (JsonNode)p)]),
        ["vlans"] = new JsonArray([.. side.Vlans.Select(p => (JsonNode)p)]),
    };

    private static JsonObject Item(string kind, string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var json = new JsonObject
        {
            ["kind"] = $"tm:{kind}:{kind[(kind.LastIndexOf(':') + 1)..]}state",
            ["name"] = parts[^1],
            ["partition"] = parts[0],
        };
        if (parts.Length > 2)
            json["subPath"] = string.Join('/', parts[1..^1]);
        json["fullPath"] = path;
        json["generation"] = 1;
        json["selfLink"] = $"https://localhost/mgmt/tm/{kind.Replace(':', '/')}/{Uri(path)}?ver={Version}";
        return json;
    }

    private static JsonArray Names(IEnumerable<string> names) => new([.. names.Select(name => (JsonNode)new JsonObject { ["name"] = name })]);
}
