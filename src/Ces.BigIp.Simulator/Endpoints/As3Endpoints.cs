using System.Text.Json.Nodes;
using Ces.BigIp.Simulator.Declarations;
using Ces.BigIp.Simulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Ces.BigIp.Simulator.Endpoints;

/// AS3's `/mgmt/shared/appsvcs/declare` API (as3.md §7.1–7.3).
internal static class As3Endpoints
{
    public const string Base = "/mgmt/shared/appsvcs";

    public static IEndpointRouteBuilder MapCesAs3(this IEndpointRouteBuilder routes)
    {
        routes.MapPost($"{Base}/declare/{{tenants?}}", PostAsync);
        routes.MapDelete($"{Base}/declare/{{tenants?}}", DeleteAsync);
        routes.MapGet($"{Base}/declare/{{tenants?}}", Get);
        return routes;
    }

    private static async Task<ContentHttpResult> PostAsync(string? tenants, HttpRequest http, DeclarationRunner runner)
    {
        if (!As3RequestReader.TryReadAsync(http.Query, out var runAsync))
            return JsonReply.With(400, As3Bodies.BadRequest("invalid value for parameter async: expected true or false"));
        var (body, parseError) = await JsonReply.ReadAsync(http, http.HttpContext.RequestAborted);
        if (parseError is not null)
            return JsonReply.With(400, As3Bodies.BadRequest($"Unexpected token in JSON: {parseError}"));
        var (request, refusal) = As3RequestReader.Read(body, http.Query, As3RequestReader.Tenants(tenants));
        if (refusal is not null)
            return JsonReply.With(refusal.StatusCode, refusal.Body);
        var outcome = await runner.SubmitAsync(request!, runAsync, http.HttpContext.RequestAborted);
        return JsonReply.With(outcome.StatusCode, outcome.Body);
    }

    private static async Task<ContentHttpResult> DeleteAsync(string? tenants, HttpRequest http, DeclarationRunner runner)
    {
        if (!As3RequestReader.TryReadAsync(http.Query, out var runAsync))
            return JsonReply.With(400, As3Bodies.BadRequest("invalid value for parameter async: expected true or false"));
        var request = new DeclarationRequest(null, As3RequestReader.Tenants(tenants), false, false, IsRemove: true);
        var outcome = await runner.SubmitAsync(request, runAsync, http.HttpContext.RequestAborted);
        return JsonReply.With(outcome.StatusCode, outcome.Body);
    }

    private static Results<ContentHttpResult, NoContent> Get(string? tenants, HttpRequest http, DeviceState state)
    {
        if (http.Query.ContainsKey("async"))
            return JsonReply.With(400, As3Bodies.BadRequest("async is not allowed with GET"));
        var stored = state.Tenants;
        if (stored.Count == 0 || state.Header is not { } declaration)
            return TypedResults.NoContent();
        var filter = As3RequestReader.Tenants(tenants);
        if (filter?.FirstOrDefault(name => stored.All(t => t.Name != name)) is { } missing)
            return JsonReply.With(404, As3Bodies.NotFound($"specified tenant(s) not found in declaration: {missing}"));
        foreach (var tenant in stored.Where(t => filter is null || filter.Contains(t.Name)))
            declaration[tenant.Name] = JsonNode.Parse(tenant.DeclarationJson);
        return JsonReply.With(200, declaration);
    }
}
