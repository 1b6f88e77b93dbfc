using System.Text.Json.Nodes;
using Ces.BigIp.Simulator.Declarations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Ces.BigIp.Simulator.Endpoints;

/// AS3's task, info and settings endpoints (as3.md §7.1, §7.4, §7.5).
internal static class As3TaskEndpoints
{
    private const string Base = As3Endpoints.Base;

    public static IEndpointRouteBuilder MapCesAs3Tasks(this IEndpointRouteBuilder routes)
    {
        routes.MapGet($"{Base}/task", (TaskStore tasks) =>
            JsonReply.With(200, new JsonObject { ["items"] = new JsonArray([.. tasks.All.Select(As3Bodies.Task)]) }));
        routes.MapGet($"{Base}/task/{{id}}", (string id, TaskStore tasks) => tasks.Find(id) is { } task
            ? JsonReply.With(200, As3Bodies.Task(task))
            : JsonReply.With(404, As3Bodies.NotFound($"No record found with ID of {id}")));
        routes.MapGet($"{Base}/info", () => JsonReply.With(200, new JsonObject
        {
            ["version"] = "3.56.0",
            ["release"] = "10",
            ["schemaCurrent"] = "3.56.0",
            ["schemaMinimum"] = "3.0.0",
        }));
        routes.MapGet($"{Base}/settings", (DeviceLock deviceLock) => JsonReply.With(200, Settings(deviceLock)));
        routes.MapPost($"{Base}/settings", PostSettingsAsync);
        return routes;
    }

    private static async Task<ContentHttpResult> PostSettingsAsync(HttpRequest http, DeviceLock deviceLock)
    {
        var (body, error) = await JsonReply.ReadAsync(http, http.HttpContext.RequestAborted);
        if (error is not null || body is not JsonObject settings)
            return JsonReply.With(400, As3Bodies.BadRequest("settings body must be a JSON object"));
        if (settings["burstHandlingEnabled"] is JsonValue value && value.TryGetValue<bool>(out var burst))
            deviceLock.BurstHandling = burst;
        return JsonReply.With(200, Settings(deviceLock));
    }

    private static JsonObject Settings(DeviceLock deviceLock) => new()
    {
        ["asyncTaskStorage"] = "memory",
        ["burstHandlingEnabled"] = deviceLock.BurstHandling,
        ["performanceTracingEnabled"] = false,
        ["performanceTracingEndpoint"] = "",
        ["serviceDiscoveryEnabled"] = false,
        ["perAppDeploymentAllowed"] = false,
    };
}
