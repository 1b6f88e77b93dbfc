using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ces.Grains.Explain;

/// <summary>The one JSON shape of an explanation, shared by <c>ces explain --output json</c> and <c>POST /api/v1/explain</c>.</summary>
public static class ExplanationJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(Explanation explanation) => JsonSerializer.Serialize(explanation, Options);
}
