using System.Text.Json;
using System.Text.Json.Nodes;
using Ces.Abstractions.Messages;
using Ces.Grains.Devices;

namespace Ces.Silo.Devices;

/// <summary>Reads AS3's answer bodies (as3.md §7.2–7.4): per-tenant results, "in progress" tasks and "declaration is invalid".</summary>
internal static class As3Results
{
    private const string Invalid = "declaration is invalid";

    public static JsonObject? Parse(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static bool InProgress(JsonObject body) =>
        Results(body).Any(result => Message(result) is "in progress" or "pending" or "Declaration successfully submitted");

    /// <summary>Maps a final answer (sync body or finished task) to one outcome per requested tenant.</summary>
    public static DeviceWriteResult ToWriteResult(IReadOnlyList<string> tenants, JsonObject body)
    {
        if (InvalidDeclaration(body) is { } error)
            return DeviceWriteResult.AllTenants(tenants, WriteOutcome.Rejected, error);
        var byTenant = new Dictionary<string, TenantResult>(StringComparer.Ordinal);
        foreach (var result in Results(body))
        {
            // Common can appear twice (add pass, then delete pass); the last word counts.
            if (result["tenant"]?.GetValue<string>() is { Length: > 0 } tenant)
                byTenant[tenant] = Outcome(result);
        }
        foreach (var tenant in tenants)
            byTenant.TryAdd(tenant, new TenantResult(WriteOutcome.Rejected, "AS3 returned no result for this tenant"));
        return new DeviceWriteResult.Completed(byTenant);
    }

    /// <summary>The 422 "declaration is invalid" body, directly or as a finished task's only result, as one message.</summary>
    private static string? InvalidDeclaration(JsonObject body)
    {
        var source = Message(body) == Invalid ? body : Results(body).FirstOrDefault(result => Message(result) == Invalid);
        if (source is null)
            return null;
        var errors = source["errors"] is JsonArray list ? string.Join("; ", list.Select(e => e?.ToString())) : "";
        return errors.Length == 0 ? Invalid : $"{Invalid}: {errors}";
    }

    private static TenantResult Outcome(JsonObject result) => Message(result) switch
    {
        "success" => new TenantResult(WriteOutcome.Applied, "success"),
        "no change" => new TenantResult(WriteOutcome.Unchanged, "no change"),
        var message => new TenantResult(WriteOutcome.Rejected, Describe(message, result["response"]?.ToString())),
    };

    private static string Describe(string? message, string? response) =>
        string.IsNullOrEmpty(response) ? message ?? "declaration failed" : $"{message ?? "declaration failed"}: {response}";

    private static IEnumerable<JsonObject> Results(JsonObject body) =>
        body["results"] is JsonArray results ? results.OfType<JsonObject>() : [];

    private static string? Message(JsonObject node) => node["message"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
