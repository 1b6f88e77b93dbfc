using System.Text.Json.Nodes;
using Ces.BigIp.Simulator.Declarations;
using Ces.BigIp.Simulator.State;
using Microsoft.AspNetCore.Http;

namespace Ces.BigIp.Simulator.Endpoints;

/// Turns a POST body (an AS3 request wrapper or a bare ADC) and its query into a <see cref="DeclarationRequest"/>.
internal static class As3RequestReader
{
    private static readonly HashSet<string> SupportedActions = new(StringComparer.Ordinal) { "deploy", "dry-run", "remove" };

    /// <summary>Either a request, or the status and AS3 body refusing it.</summary>
    public static (DeclarationRequest? Request, DeclarationOutcome? Refusal) Read(JsonNode? body, IQueryCollection query, IReadOnlyList<string>? tenants)
    {
        var showHash = IsTrue(query, "showHash");
        var dryRun = IsTrue(query, "controls.dryRun");
        if (body is not JsonObject obj)
            return Refuse("/: should be object");
        var (adc, action) = As3Json.ClassOf(obj) switch
        {
            "AS3" => (obj["declaration"] as JsonObject, As3Json.String(obj["action"]) ?? "deploy"),
            "ADC" => (obj, "deploy"),
            _ => (null, ""),
        };
        if (action == "" || !SupportedActions.Contains(action))
            return Refuse(action == "" ? "/class: should be equal to one of the allowed values \"ADC\", \"AS3\"" : $"/action: action {action} is not supported by the simulator");
        if (action == "remove")
            return (new DeclarationRequest(null, tenants, false, showHash, IsRemove: true), null);
        if (adc is null)
            return Refuse("/declaration: should have required property 'declaration'");
        var copy = adc.DeepClone().AsObject();
        As3Validation.ApplyDefaults(copy);
        return (new DeclarationRequest(copy, tenants, dryRun || action == "dry-run", showHash, IsRemove: false), null);
    }

    /// <summary>`async` must be absent, `true` or `false`; anything else is a 400.</summary>
    public static bool TryReadAsync(IQueryCollection query, out bool runAsync)
    {
        runAsync = false;
        if (!query.TryGetValue("async", out var values))
            return true;
        runAsync = values.ToString() == "true";
        return values.ToString() is "true" or "false";
    }

    public static IReadOnlyList<string>? Tenants(string? segment) =>
        string.IsNullOrEmpty(segment) ? null : segment.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool IsTrue(IQueryCollection query, string name) => query.TryGetValue(name, out var value) && value.ToString() == "true";

    private static (DeclarationRequest?, DeclarationOutcome?) Refuse(string error) => (null, new DeclarationOutcome(422, As3Bodies.Invalid(error)));
}
