using System.Text.Json;
using Json.Pointer;
using Json.Schema;

namespace Ces.Grains.As3;

/// Turns a failed hierarchical evaluation into a handful of AS3-style `"<instancePath>: <message>"` lines.
internal static class As3SchemaErrorExplainer
{
    private const int MaxErrors = 5;

    public static IReadOnlyList<string> Explain(EvaluationResults root, JsonElement declaration)
    {
        var found = new List<Failure>();
        Collect(root, found);

        var branch = RootBranch(declaration);
        var relevant = found.Where(failure => branch is null || failure.EvaluationPath.StartsWith(branch, StringComparison.Ordinal)).ToList();
        if (relevant.Count == 0)
            relevant = found;
        // A failure deeper in the instance explains its ancestors' failures (other oneOf/anyOf branches, `required` of siblings).
        var locations = relevant.Select(failure => failure.InstanceLocation).Distinct(StringComparer.Ordinal).ToList();
        relevant = relevant
            .Where(failure => KeepsItsOwnMeaning(failure.Message)
                || !locations.Any(other => other.StartsWith(failure.InstanceLocation + "/", StringComparison.Ordinal)))
            .ToList();

        var lines = relevant
            .OrderByDescending(failure => failure.InstanceDepth)
            .ThenByDescending(failure => failure.EvaluationPath.Length)
            .ThenBy(failure => failure.InstanceLocation, StringComparer.Ordinal)
            .ThenBy(failure => failure.Message, StringComparer.Ordinal)
            .Select(failure => $"{failure.InstanceLocation}: {failure.Message}{ValueHint(declaration, failure)}")
            .Distinct(StringComparer.Ordinal)
            .Take(MaxErrors)
            .ToList();
        return lines.Count > 0 ? lines : [": declaration is invalid"];
    }

    private static void Collect(EvaluationResults node, List<Failure> found)
    {
        if (node.IsValid)
            return;
        var instance = node.InstanceLocation.ToString();
        var evaluation = node.EvaluationPath.ToString();
        if (node.Errors is { } errors)
        {
            foreach (var (keyword, message) in errors)
                found.Add(new Failure(instance, evaluation, Describe(keyword, message)));
        }
        if (node.Details is not { } children)
            return;
        foreach (var child in children)
        {
            // A failing `if` only selects the `else` branch; its own failures are not the declaration's fault.
            if (!child.EvaluationPath.ToString().EndsWith("/if", StringComparison.Ordinal))
                Collect(child, found);
        }
    }

    // The root schema is oneOf [AS3 request, ADC, patch body, AS3 array, ADC array]: only the branch
    // matching the declaration's class explains anything.
    private static string? RootBranch(JsonElement declaration)
    {
        if (declaration.ValueKind != JsonValueKind.Object)
            return null;
        var isRequest = declaration.TryGetProperty("class", out var cls)
            && cls.ValueKind == JsonValueKind.String
            && cls.GetString() == "AS3";
        return isRequest ? "/oneOf/0" : "/oneOf/1";
    }

    private static bool KeepsItsOwnMeaning(string message) =>
        message.StartsWith("maxProperties:", StringComparison.Ordinal) || message.StartsWith("minProperties:", StringComparison.Ordinal);

    private static string Describe(string keyword, string message)
    {
        var tidy = message.Replace("\\u0022", "\"", StringComparison.Ordinal);
        // An empty keyword is a `false` subschema, which the AS3 schema uses as additionalProperties: false.
        return keyword.Length == 0 ? "property is not allowed here" : $"{keyword}: {tidy}";
    }

    private static string ValueHint(JsonElement declaration, Failure failure)
    {
        if (!failure.Message.StartsWith("enum:", StringComparison.Ordinal)
            && !failure.Message.StartsWith("const:", StringComparison.Ordinal)
            && !failure.Message.StartsWith("pattern:", StringComparison.Ordinal)
            && !failure.Message.StartsWith("format:", StringComparison.Ordinal))
            return "";
        if (!JsonPointer.TryParse(failure.InstanceLocation, out var pointer) || pointer.Evaluate(declaration) is not { } value)
            return "";
        var text = value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText();
        var shown = pointer.SegmentCount > 0 && failure.Message.StartsWith("pattern:", StringComparison.Ordinal) && value.ValueKind == JsonValueKind.Object
            ? pointer.GetSegment(pointer.SegmentCount - 1).ToString()
            : text;
        return shown.Length <= 80 ? $" (value \"{shown}\")" : "";
    }

    private sealed record Failure(string InstanceLocation, string EvaluationPath, string Message)
    {
        public int InstanceDepth { get; } = InstanceLocation.Count(c => c == '/');
    }
}
