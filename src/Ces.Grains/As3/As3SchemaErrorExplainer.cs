using System.Text.Json;
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

        var lines = relevant
            .OrderByDescending(failure => failure.InstanceDepth)
            .ThenByDescending(failure => failure.EvaluationPath.Length)
            .ThenBy(failure => failure.InstanceLocation, StringComparer.Ordinal)
            .ThenBy(failure => failure.Message, StringComparer.Ordinal)
            .Select(failure => $"{failure.InstanceLocation}: {failure.Message}")
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
                found.Add(new Failure(instance, evaluation, $"{keyword}: {Tidy(message)}"));
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

    private static string Tidy(string message) => message.Replace("\\u0022", "\"", StringComparison.Ordinal);

    private sealed record Failure(string InstanceLocation, string EvaluationPath, string Message)
    {
        public int InstanceDepth { get; } = InstanceLocation.Count(c => c == '/');
    }
}
