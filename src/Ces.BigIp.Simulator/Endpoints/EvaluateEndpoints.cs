using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Ces.BigIp.Simulator.Faults;
using Ces.BigIp.Simulator.State;
using Ces.Grains.Evaluator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Ces.BigIp.Simulator.Endpoints;

/// `POST /ces-sim/evaluate`: what AFM would do with one flow, given the device's live state (a simulator extension, not a BIG-IP API).
internal static class EvaluateEndpoints
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    public static IEndpointRouteBuilder MapCesEvaluate(this IEndpointRouteBuilder routes)
    {
        routes.MapPost($"{FaultGate.ControlPrefix}/evaluate", EvaluateAsync);
        return routes;
    }

    /// <summary>Body: `{"sourceIp","routeDomain","destinationIp","protocol","port","fqdns":{"name":["ip"]}}`.</summary>
    private static async Task<ContentHttpResult> EvaluateAsync(HttpRequest http, DeviceState state)
    {
        var (body, error) = await JsonReply.ReadAsync(http, http.HttpContext.RequestAborted);
        if (error is not null || body is not JsonObject request)
            return JsonReply.With(400, IControlJson.Error(400, $"evaluate body must be a JSON object: {error}"));
        if (As3Json.String(request["sourceIp"]) is not { } source || As3Json.String(request["destinationIp"]) is not { } destination)
            return JsonReply.With(400, IControlJson.Error(400, "evaluate needs sourceIp and destinationIp"));
        var port = As3Json.Int(request["port"], -1);
        var flow = new Flow(source, As3Json.Int(request["routeDomain"], 0), destination, As3Json.String(request["protocol"]) ?? "tcp", port < 0 ? null : port);
        var evaluator = FirewallEvaluator.Build(FirewallConfigAdapter.From(state));
        var verdict = evaluator.Evaluate(flow, Fqdns(request["fqdns"]));
        var reply = JsonSerializer.SerializeToNode(verdict, Web)!.AsObject();
        if (evaluator.Warnings.Count > 0)
            reply["warnings"] = new JsonArray([.. evaluator.Warnings.Select(w => (JsonNode)w)]);
        return JsonReply.With(200, reply);
    }

    private static Dictionary<string, IReadOnlyList<string>> Fqdns(JsonNode? node) =>
        node is JsonObject table
            ? table.ToDictionary(entry => entry.Key, entry => (IReadOnlyList<string>)[.. As3Json.Items(entry.Value).Select(As3Json.String).OfType<string>()], StringComparer.OrdinalIgnoreCase)
            : [];
}
