using System.Text.Json.Nodes;

namespace Ces.Grains.As3;

/// Resolves one AS3 `use` pointer inside a declaration, as AS3 does after the schema.
internal static class As3PointerResolver
{
    public static void Check(ItemLocation from, string pointer, IReadOnlyList<string>? allowedClasses, string at, List<string> errors)
    {
        // `@` and relative JSON pointers address properties of the declaration itself, never another item.
        if (pointer.Length == 0 || pointer[0] == '@' || char.IsAsciiDigit(pointer[0]))
            return;

        string[] segments;
        if (pointer[0] == '/')
        {
            segments = pointer[1..].Split('/');
            if (!InScope(from, segments))
            {
                errors.Add($"{at}: {pointer} must contain path pointing into same Application (or /same-Tenant/Shared or /Common/Shared)");
                return;
            }
        }
        else
        {
            segments = [from.Tenant, from.App, .. pointer.Split('/')];
        }

        var fullPath = "/" + string.Join('/', segments);
        if (Resolve(from.Adc, segments) is not JsonObject target)
        {
            errors.Add($"{at}: contains path to non-existent object {fullPath}");
            return;
        }
        if (allowedClasses is null)
            return;
        var targetClass = As3PostValidator.ClassOf(target);
        if (targetClass is null || !allowedClasses.Contains(targetClass, StringComparer.Ordinal))
            errors.Add($"{at}: AS3 pointer {fullPath} does not point to required object type ({string.Join(" or ", allowedClasses)}); it points to {targetClass ?? "an object without class"}");
    }

    private static bool InScope(ItemLocation from, string[] segments)
    {
        if (segments.Length < 2)
            return false;
        var (tenant, app) = (segments[0], segments[1]);
        return tenant == from.Tenant && (app == from.App || app == "Shared")
            || tenant == "Common" && app == "Shared";
    }

    private static JsonNode? Resolve(JsonObject adc, string[] segments)
    {
        JsonNode? node = adc;
        foreach (var segment in segments)
        {
            node = node switch
            {
                JsonObject obj => obj[segment],
                JsonArray array when int.TryParse(segment, out var index) && index >= 0 && index < array.Count => array[index],
                _ => null,
            };
            if (node is null)
                return null;
        }
        return node;
    }
}
