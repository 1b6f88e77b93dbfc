using System.Text.Json.Nodes;
using Ces.BigIp.Simulator.Hosting;
using Ces.BigIp.Simulator.State;
using Ces.Grains.As3;

namespace Ces.BigIp.Simulator.Declarations;

/// Validation in AS3's order: schema defaults, schema, post checks (pointers, names), then `bigip` existence on the device.
internal sealed class As3Validation(As3SchemaSet schemas, DeviceState state, SimulatorOptions options)
{
    /// <summary>AS3 reports only the first error; null when the declaration is valid.</summary>
    public string? FirstError(JsonObject adc)
    {
        var errors = options.ValidateSchema ? As3DeclarationValidator.Validate(adc, schemas).AllErrors : As3PostValidator.Validate(adc);
        return errors.FirstOrDefault() ?? MissingComponent(adc, "");
    }

    /// <summary>Fills the one default that matters to a strict validator: `controls.class` (as3.md §10.2).</summary>
    public static void ApplyDefaults(JsonNode node)
    {
        if (node is not JsonObject obj)
            return;
        if (obj["controls"] is JsonObject controls && !controls.ContainsKey("class"))
            controls["class"] = "Controls";
        foreach (var (_, child) in obj)
        {
            if (child is JsonObject)
                ApplyDefaults(child);
        }
    }

    private string? MissingComponent(JsonNode? node, string pointer)
    {
        switch (node)
        {
            case JsonObject obj:
                if (As3Json.String(obj["bigip"]) is { } path && !state.ComponentExists(path))
                    return $"{pointer}/bigip: requested component {path} does not exist";
                foreach (var (name, child) in obj)
                {
                    if (MissingComponent(child, $"{pointer}/{Escape(name)}") is { } error)
                        return error;
                }
                return null;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (MissingComponent(array[i], $"{pointer}/{i}") is { } error)
                        return error;
                }
                return null;
            default:
                return null;
        }
    }

    private static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
