using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ces.Abstractions.Validation;
using Ces.BigIp.Simulator.Declarations;
using Ces.BigIp.Simulator.Hosting;
using Ces.BigIp.Simulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Ces.BigIp.Simulator.Endpoints;

/// iControl REST `security firewall` objects: reads of everything AS3 made, PATCH of address lists and global rules.
internal static partial class IControlFirewallEndpoints
{
    private const string Base = "/mgmt/tm/security/firewall";

    public static IEndpointRouteBuilder MapCesIControlFirewall(this IEndpointRouteBuilder routes)
    {
        MapReads(routes, "address-list", state => state.AddressLists, list => list.Path, IControlJson.AddressList);
        MapReads(routes, "port-list", state => state.PortLists, list => list.Path, IControlJson.PortList);
        MapReads(routes, "rule-list", state => state.RuleLists, list => list.Path, IControlJson.RuleList);
        MapReads(routes, "policy", state => state.Policies, policy => policy.Path, IControlJson.Policy);
        routes.MapPatch($"{Base}/address-list/{{name}}", PatchAddressListAsync);
        routes.MapGet($"{Base}/global-rules", (DeviceState state) => JsonReply.With(200, IControlJson.GlobalRules(state.GlobalEnforcedPolicy, state.GlobalStagedPolicy)));
        routes.MapPatch($"{Base}/global-rules", PatchGlobalRulesAsync);
        return routes;
    }

    /// <summary>GET of a collection and of one item by its `~Partition~Folder~name` URI.</summary>
    internal static void MapReads<T>(IEndpointRouteBuilder routes, string collection, Func<DeviceState, IReadOnlyList<T>> all, Func<T, string> pathOf, Func<T, JsonObject> json, string root = Base)
    {
        var kind = $"{root["/mgmt/tm/".Length..].Replace('/', ':')}:{collection}";
        routes.MapGet($"{root}/{collection}", (DeviceState state) => JsonReply.With(200, IControlJson.Collection(kind, all(state).Select(json))));
        routes.MapGet($"{root}/{collection}/{{name}}", (string name, DeviceState state) =>
            all(state).FirstOrDefault(item => pathOf(item) == IControlJson.PathOf(name)) is { } found
                ? JsonReply.With(200, json(found))
                : JsonReply.With(404, IControlJson.Error(404, $"01020036:3: The requested {collection} ({IControlJson.PathOf(name)}) was not found.")));
    }

    private static async Task<ContentHttpResult> PatchAddressListAsync(string name, HttpRequest http, DeviceState state, LatencyModel latency, SimulatorStats stats)
    {
        var (body, error) = await JsonReply.ReadAsync(http, http.HttpContext.RequestAborted);
        if (error is not null || body is not JsonObject patch)
            return JsonReply.With(400, IControlJson.Error(400, $"Found invalid JSON body in the request: {error}"));
        var addresses = Names(patch["addresses"]);
        if (addresses?.FirstOrDefault(address => !IsAddress(address)) is { } bad)
            return JsonReply.With(400, IControlJson.Error(400, $"01070734:3: Configuration error: invalid IP address: {bad}"));
        await latency.DelayAsync(latency.Patch, http.HttpContext.RequestAborted);
        var path = IControlJson.PathOf(name);
        if (state.ReplaceAddressList(path, addresses is null ? null : [.. addresses], Names(patch["fqdns"]) is { } fqdns ? [.. fqdns] : null) is not { } updated)
            return JsonReply.With(404, IControlJson.Error(404, $"01020036:3: The requested Address List ({path}) was not found."));
        stats.Patch();
        return JsonReply.With(200, IControlJson.AddressList(updated));
    }

    private static async Task<ContentHttpResult> PatchGlobalRulesAsync(HttpRequest http, DeviceState state, LatencyModel latency, SimulatorStats stats)
    {
        var (body, error) = await JsonReply.ReadAsync(http, http.HttpContext.RequestAborted);
        if (error is not null || body is not JsonObject patch)
            return JsonReply.With(400, IControlJson.Error(400, $"Found invalid JSON body in the request: {error}"));
        foreach (var (property, attribute) in new[] { ("enforcedPolicy", "enforced-policy"), ("stagedPolicy", "staged-policy") })
        {
            if (As3Json.String(patch[property]) is { Length: > 0 } and not "none" and var policy && !state.PolicyExists(policy))
                return JsonReply.With(400, IControlJson.Error(400, $"01070712:3: Values ({attribute}) specified for global rules: policy {policy} does not exist"));
        }
        await latency.DelayAsync(latency.Patch, http.HttpContext.RequestAborted);
        if (patch.ContainsKey("enforcedPolicy"))
            state.SetGlobalEnforcedPolicy(Bound(As3Json.String(patch["enforcedPolicy"])));
        if (patch.ContainsKey("stagedPolicy"))
            state.SetGlobalStagedPolicy(Bound(As3Json.String(patch["stagedPolicy"])));
        stats.Patch();
        return JsonReply.With(200, IControlJson.GlobalRules(state.GlobalEnforcedPolicy, state.GlobalStagedPolicy));
    }

    private static string? Bound(string? policy) => policy is { Length: > 0 } and not "none" ? policy : null;

    private static List<string>? Names(JsonNode? node) => node is JsonArray array
        ? [.. array.Select(item => item is JsonObject obj ? As3Json.String(obj["name"]) : As3Json.String(item)).OfType<string>()]
        : null;

    /// <summary>An IP, CIDR or range as AFM takes it, optionally with a `%id` route-domain suffix on each address.</summary>
    private static bool IsAddress(string value) => AddressSyntax.IsNumeric(AddressSyntax.Classify(RouteDomainSuffix().Replace(value, "")));

    [GeneratedRegex(@"%\d{1,5}")]
    private static partial Regex RouteDomainSuffix();
}
