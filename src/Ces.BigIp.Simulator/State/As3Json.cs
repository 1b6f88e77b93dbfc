using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ces.BigIp.Simulator.State;

/// Small readers over AS3 JSON that tolerate absent or odd-typed properties, since the schema already ran.
internal static class As3Json
{
    public static string? String(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static string? Scalar(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.GetValue<decimal>().ToString(CultureInfo.InvariantCulture),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        }
        : null;

    public static int Int(JsonNode? node, int fallback) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var number) ? number : fallback;

    public static bool Bool(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.True;

    public static string? ClassOf(JsonNode? node) => node is JsonObject obj ? String(obj["class"]) : null;

    public static IEnumerable<JsonNode> Items(JsonNode? node) =>
        node is JsonArray array ? array.Where(item => item is not null)!.Cast<JsonNode>() : [];

    /// <summary>The path a `{use}` / `{bigip}` object or a bare pointer string names, resolved from tenant and app.</summary>
    public static string? Reference(JsonNode? node, string tenant, string app) => node switch
    {
        JsonObject obj when String(obj["bigip"]) is { } bigip => bigip,
        JsonObject obj when String(obj["use"]) is { } use => ResolveUse(use, tenant, app),
        JsonValue when String(node) is { } use => ResolveUse(use, tenant, app),
        _ => null,
    };

    public static string ResolveUse(string use, string tenant, string app) =>
        use.StartsWith('/') ? use : $"/{tenant}/{app}/{use}";
}
