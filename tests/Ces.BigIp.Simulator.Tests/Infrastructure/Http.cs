using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Ces.BigIp.Simulator.Tests.Infrastructure;

/// JSON calls that return the status and the parsed body (null when empty), bound to the test's cancellation token.
internal static class Http
{
    public static Task<Reply> PostAsync(this HttpClient client, string path, JsonNode body) => client.SendJsonAsync(HttpMethod.Post, path, body.ToJsonString());

    public static Task<Reply> PostRawAsync(this HttpClient client, string path, string body) => client.SendJsonAsync(HttpMethod.Post, path, body);

    public static Task<Reply> PatchAsync(this HttpClient client, string path, JsonNode body) => client.SendJsonAsync(HttpMethod.Patch, path, body.ToJsonString());

    public static Task<Reply> GetJsonAsync(this HttpClient client, string path) => client.SendJsonAsync(HttpMethod.Get, path, null);

    public static Task<Reply> DeleteJsonAsync(this HttpClient client, string path) => client.SendJsonAsync(HttpMethod.Delete, path, null);

    public static async Task<Reply> SendJsonAsync(this HttpClient client, HttpMethod method, string path, string? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new Reply(response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), text);
    }
}

/// One HTTP answer.
internal sealed record Reply(HttpStatusCode Status, JsonNode? Body, string Text)
{
    public int Code => (int)Status;

    public override string ToString() => $"{Code} {Text}";
}
