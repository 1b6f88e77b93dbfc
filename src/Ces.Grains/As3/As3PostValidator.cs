using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Ces.Grains.As3;

/// The checks AS3 makes after the schema: pointers, path length, rule-name uniqueness and item names.
public static partial class As3PostValidator
{
    public const int MaxPathLength = 195;

    private static readonly HashSet<string> ReservedAppProperties = new(StringComparer.Ordinal)
    {
        "class", "label", "remark", "template", "enable", "constants", "controls", "schemaOverlay",
    };

    /// <summary>
    /// Checks a bare ADC declaration or an AS3 request wrapping one; returns <c>"&lt;json pointer&gt;: &lt;message&gt;"</c>
    /// lines in document order, empty when nothing is wrong.
    /// </summary>
    public static IReadOnlyList<string> Validate(JsonNode declaration)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        var (adc, prefix) = declaration is JsonObject request && request["declaration"] is JsonObject inner
            ? (inner, "/declaration")
            : (declaration as JsonObject, "");
        if (adc is null)
            return [];

        var errors = new List<string>();
        foreach (var (tenantName, app, appName) in Applications(adc))
        {
            foreach (var (itemName, itemNode) in app)
            {
                if (ReservedAppProperties.Contains(itemName) || itemNode is not JsonObject item || ClassOf(item) is not { } itemClass)
                    continue;
                var location = new ItemLocation(adc, tenantName, appName, itemName, $"{prefix}/{Escape(tenantName)}/{Escape(appName)}/{Escape(itemName)}");
                CheckName(location, errors);
                CheckPointers(location, itemClass, item, [], location.Pointer, errors);
                CheckRuleNames(location, itemClass, item, errors);
            }
        }
        return errors;
    }

    internal static IEnumerable<(string Tenant, JsonObject App, string AppName)> Applications(JsonObject adc)
    {
        foreach (var (tenantName, tenantNode) in adc)
        {
            if (tenantNode is not JsonObject tenant || ClassOf(tenant) != "Tenant")
                continue;
            foreach (var (appName, appNode) in tenant)
            {
                if (appNode is JsonObject app && ClassOf(app) == "Application")
                    yield return (tenantName, app, appName);
            }
        }
    }

    internal static string? ClassOf(JsonObject obj) =>
        obj["class"] is JsonValue value && value.TryGetValue<string>(out var cls) ? cls : null;

    internal static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static void CheckName(ItemLocation location, List<string> errors)
    {
        if (!ItemNameRegex().IsMatch(location.Item))
            errors.Add($"{location.Pointer}: name \"{location.Item}\" is invalid: it must start with a letter, hold only letters, digits, '_', '.' or '-', not end with '-', and be at most 190 characters");
        var path = $"/{location.Tenant}/{location.App}/{location.Item}";
        if (path.Length > MaxPathLength)
            errors.Add($"{location.Pointer}: Path \"{path}\" is longer than {MaxPathLength} characters");
    }

    private static void CheckPointers(ItemLocation location, string itemClass, JsonNode node, List<string> path, string pointer, List<string> errors)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    var childPointer = $"{pointer}/{Escape(name)}";
                    var isUse = name == "use";
                    var isStringPool = path.Count == 0 && name == "pool" && itemClass.StartsWith("Service_", StringComparison.Ordinal);
                    if ((isUse || isStringPool) && child is JsonValue value && value.TryGetValue<string>(out var target))
                    {
                        var context = isUse ? path : [name];
                        As3PointerResolver.Check(location, target, As3PointerTargets.For(itemClass, context), childPointer, errors);
                    }
                    else if (child is not null)
                    {
                        path.Add(name);
                        CheckPointers(location, itemClass, child, path, childPointer, errors);
                        path.RemoveAt(path.Count - 1);
                    }
                }
                break;
            case JsonArray array:
                path.Add(As3PointerTargets.Element);
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } element)
                        CheckPointers(location, itemClass, element, path, $"{pointer}/{i}", errors);
                }
                path.RemoveAt(path.Count - 1);
                break;
        }
    }

    private static void CheckRuleNames(ItemLocation location, string itemClass, JsonObject item, List<string> errors)
    {
        if (itemClass is not ("Firewall_Rule_List" or "Firewall_Policy") || item["rules"] is not JsonArray rules)
            return;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i] is not JsonObject rule || rule["name"] is not JsonValue nameValue || !nameValue.TryGetValue<string>(out var name))
                continue;
            if (seen.TryGetValue(name, out var first))
                errors.Add($"{location.Pointer}/rules/{i}/name: duplicate rule name \"{name}\" (first used at rules/{first})");
            else
                seen.Add(name, i);
        }
    }

    [GeneratedRegex("^[A-Za-z]([0-9A-Za-z_.-]{0,188}[0-9A-Za-z_.])?$")]
    private static partial Regex ItemNameRegex();
}
