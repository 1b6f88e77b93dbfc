using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ces.BigIp.Simulator.Endpoints;

/// Writes JSON bodies byte-for-byte as built, with any status code a BIG-IP uses.
internal static class JsonReply
{
    public static ContentHttpResult With(int statusCode, JsonNode body) =>
        TypedResults.Text(body.ToJsonString(), "application/json; charset=UTF-8", Encoding.UTF8, statusCode);

    public static async Task<(JsonNode? Body, string? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(cancellationToken);
        try
        {
            return (JsonNode.Parse(text), null);
        }
        catch (System.Text.Json.JsonException exception)
        {
            return (null, exception.Message);
        }
    }
}
