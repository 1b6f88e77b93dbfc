using System.Text.Json;
using System.Text.Json.Nodes;
using Ces.BigIp.Simulator.Faults;
using Ces.BigIp.Simulator.Hosting;
using Ces.BigIp.Simulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Ces.BigIp.Simulator.Endpoints;

/// The simulator's own control API under /ces-sim (not a BIG-IP API): counters, faults, route domains, components.
internal static class ControlEndpoints
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static IEndpointRouteBuilder MapCesControl(this IEndpointRouteBuilder routes)
    {
        routes.MapGet($"{FaultGate.ControlPrefix}/stats", (SimulatorStats stats) => JsonReply.With(200, JsonSerializer.SerializeToNode(stats.Snapshot(), Web)!));
        routes.MapGet($"{FaultGate.ControlPrefix}/state", (DeviceState state) => JsonReply.With(200, JsonSerializer.SerializeToNode(
            new { tenants = state.Tenants.Select(t => t.Live), routeDomains = state.RouteDomains, globalEnforcedPolicy = state.GlobalEnforcedPolicy }, Web)!));
        routes.MapGet($"{FaultGate.ControlPrefix}/faults", (FaultInjector faults) => JsonReply.With(200, new JsonObject
        {
            ["pendingScripted"] = faults.PendingScripted,
            ["probability"] = faults.Rate.Probability,
        }));
        routes.MapPost($"{FaultGate.ControlPrefix}/faults", PostFaultsAsync);
        routes.MapDelete($"{FaultGate.ControlPrefix}/faults", (FaultInjector faults) =>
        {
            faults.Clear();
            return TypedResults.NoContent();
        });
        routes.MapPost($"{FaultGate.ControlPrefix}/route-domains", PostRouteDomainAsync);
        routes.MapPost($"{FaultGate.ControlPrefix}/components", PostComponentAsync);
        return routes;
    }

    /// <summary>Body: `{"script":[{"kind":"Busy","pathPrefix":"/mgmt/shared/appsvcs"}], "rate":{"probability":0.2,"kinds":["Busy"],"seed":7}}`.</summary>
    private static async Task<ContentHttpResult> PostFaultsAsync(HttpRequest http, FaultInjector faults)
    {
        var (body, error) = await JsonReply.ReadAsync(http, http.HttpContext.RequestAborted);
        if (error is not null || body is not JsonObject request)
            return JsonReply.With(400, IControlJson.Error(400, "faults body must be a JSON object"));
        try
        {
            var script = As3Json.Items(request["script"]).OfType<JsonObject>()
                .Select(rule => new FaultRule(Kind(rule["kind"]), As3Json.String(rule["pathPrefix"]))).ToList();
            faults.Enqueue(script);
            if (request["rate"] is JsonObject rate)
            {
                faults.SetRate(new FaultRate(
                    rate["probability"]?.GetValue<double>() ?? 0,
                    [.. As3Json.Items(rate["kinds"]).Select(Kind)],
                    As3Json.String(rate["pathPrefix"]),
                    As3Json.Int(rate["seed"], 1)));
            }
            return JsonReply.With(200, new JsonObject { ["pendingScripted"] = faults.PendingScripted, ["probability"] = faults.Rate.Probability });
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or FormatException)
        {
            return JsonReply.With(400, IControlJson.Error(400, exception.Message));
        }
    }

    private static async Task<ContentHttpResult> PostRouteDomainAsync(HttpRequest http, DeviceState state)
    {
        var (body, _) = await JsonReply.ReadAsync(http, http.HttpContext.RequestAborted);
        var name = As3Json.String(body?["name"]);
        var id = As3Json.Int(body?["id"], -1);
        if (string.IsNullOrEmpty(name) || id < 0)
            return JsonReply.With(400, IControlJson.Error(400, "route domain needs name, id and optionally partition"));
        var routeDomain = new RouteDomainState($"/{As3Json.String(body?["partition"]) ?? "Common"}/{name}", id, null);
        state.PutRouteDomain(routeDomain);
        return JsonReply.With(200, IControlJson.RouteDomain(routeDomain));
    }

    private static async Task<ContentHttpResult> PostComponentAsync(HttpRequest http, DeviceState state)
    {
        var (body, _) = await JsonReply.ReadAsync(http, http.HttpContext.RequestAborted);
        if (As3Json.String(body?["path"]) is not { } path || !path.StartsWith('/'))
            return JsonReply.With(400, IControlJson.Error(400, "component needs a full path, e.g. {\"path\":\"/Common/external\"}"));
        state.AddComponent(path);
        return JsonReply.With(200, new JsonObject { ["path"] = path });
    }

    private static FaultKind Kind(JsonNode? node) => Enum.Parse<FaultKind>(As3Json.String(node) ?? "", ignoreCase: true);
}
