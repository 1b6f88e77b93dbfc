using System.Text.Json.Nodes;
using Ces.BigIp.Simulator.Declarations;
using Ces.BigIp.Simulator.Hosting;
using Ces.BigIp.Simulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Ces.BigIp.Simulator.Endpoints;

/// iControl REST route domains, virtual servers and `save sys config`.
internal static class IControlNetEndpoints
{
    private const string RouteDomains = "/mgmt/tm/net/route-domain";

    public static IEndpointRouteBuilder MapCesIControlNet(this IEndpointRouteBuilder routes)
    {
        IControlFirewallEndpoints.MapReads(routes, "route-domain", state => state.RouteDomains, rd => rd.Path, IControlJson.RouteDomain, "/mgmt/tm/net");
        IControlFirewallEndpoints.MapReads(routes, "virtual", state => state.Virtuals, vs => vs.Path, IControlJson.Virtual, "/mgmt/tm/ltm");
        routes.MapPatch($"{RouteDomains}/{{name}}", PatchRouteDomainAsync);
        routes.MapPost(RouteDomains, CreateRouteDomainAsync);
        routes.MapPost("/mgmt/tm/sys/config", SaveAsync);
        return routes;
    }

    private static async Task<ContentHttpResult> PatchRouteDomainAsync(string name, HttpRequest http, DeviceState state, LatencyModel latency, SimulatorStats stats)
    {
        var (body, error) = await JsonReply.ReadAsync(http, http.HttpContext.RequestAborted);
        if (error is not null || body is not JsonObject patch)
            return JsonReply.With(400, IControlJson.Error(400, $"Found invalid JSON body in the request: {error}"));
        var path = IControlJson.PathOf(name);
        if (state.RouteDomain(path) is not { } routeDomain)
            return JsonReply.With(404, IControlJson.Error(404, $"01020036:3: The requested route domain ({path}) was not found."));
        var policy = patch.ContainsKey("fwEnforcedPolicy") ? As3Json.String(patch["fwEnforcedPolicy"]) : routeDomain.FwEnforcedPolicy;
        var staged = patch.ContainsKey("fwStagedPolicy") ? As3Json.String(patch["fwStagedPolicy"]) : routeDomain.FwStagedPolicy;
        foreach (var (value, attribute) in new[] { (policy, "fw-enforced-policy"), (staged, "fw-staged-policy") })
        {
            if (value is { Length: > 0 } and not "none" && !state.PolicyExists(value))
                return JsonReply.With(400, IControlJson.Error(400, $"01070712:3: Values ({attribute}) specified for route domain ({path}): policy {value} does not exist"));
        }
        await latency.DelayAsync(latency.Patch, http.HttpContext.RequestAborted);
        var updated = routeDomain with
        {
            Id = As3Json.Int(patch["id"], routeDomain.Id),
            FwEnforcedPolicy = policy is { Length: > 0 } and not "none" ? policy : null,
            FwStagedPolicy = staged is { Length: > 0 } and not "none" ? staged : null,
        };
        state.PutRouteDomain(updated);
        stats.Patch();
        return JsonReply.With(200, IControlJson.RouteDomain(updated));
    }

    private static async Task<ContentHttpResult> CreateRouteDomainAsync(HttpRequest http, DeviceState state)
    {
        var (body, error) = await JsonReply.ReadAsync(http, http.HttpContext.RequestAborted);
        var name = As3Json.String(body?["name"]);
        var id = As3Json.Int(body?["id"], -1);
        if (error is not null || string.IsNullOrEmpty(name) || id is < 0 or > 65534)
            return JsonReply.With(400, IControlJson.Error(400, "route domain needs a name and an id between 0 and 65534"));
        var routeDomain = new RouteDomainState($"/{As3Json.String(body?["partition"]) ?? "Common"}/{name}", id, null);
        if (state.RouteDomain(routeDomain.Path) is not null || state.RouteDomainIdExists(id))
            return JsonReply.With(409, IControlJson.Error(409, $"01020066:3: The requested route domain ({routeDomain.Path}) already exists in partition {routeDomain.Partition}."));
        state.PutRouteDomain(routeDomain);
        return JsonReply.With(200, IControlJson.RouteDomain(routeDomain));
    }

    private static async Task<ContentHttpResult> SaveAsync(HttpRequest http, LatencyModel latency, SimulatorStats stats)
    {
        var (body, error) = await JsonReply.ReadAsync(http, http.HttpContext.RequestAborted);
        if (error is not null || As3Json.String(body?["command"]) != "save")
            return JsonReply.With(400, IControlJson.Error(400, "only {\"command\":\"save\"} is supported"));
        await latency.DelayAsync(latency.Save, http.HttpContext.RequestAborted);
        stats.Save();
        return JsonReply.With(200, new JsonObject { ["kind"] = "tm:sys:config:savestate", ["command"] = "save" });
    }
}
