using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Ces.BigIp.Simulator.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Ces.BigIp.Simulator.Auth;

/// Lets a /mgmt request through only with valid basic credentials or a live `X-F5-Auth-Token`; 401 otherwise.
internal sealed partial class AuthGate(SimulatorOptions options, TokenStore tokens, ILogger<AuthGate> logger)
{
    public const string TokenHeader = "X-F5-Auth-Token";
    public const string LoginPath = "/mgmt/shared/authn/login";

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? "";
        if (!path.StartsWith("/mgmt/", StringComparison.OrdinalIgnoreCase) || path.Equals(LoginPath, StringComparison.OrdinalIgnoreCase) || IsAuthenticated(context.Request))
        {
            await next(context);
            return;
        }
        LogUnauthorized(logger, context.Request.Method, path);
        context.Response.StatusCode = 401;
        context.Response.ContentType = "application/json; charset=UTF-8";
        await context.Response.WriteAsync(new JsonObject
        {
            ["code"] = 401,
            ["message"] = "Authorization failed: no valid user authentication header or token detected",
            ["errorStack"] = new JsonArray(),
            ["kind"] = ":resterrorresponse",
        }.ToJsonString(), context.RequestAborted);
    }

    public bool CredentialsMatch(string? user, string? password) =>
        FixedEquals(user ?? "", options.User) & FixedEquals(password ?? "", options.Password);

    private bool IsAuthenticated(HttpRequest request)
    {
        if (request.Headers.TryGetValue(TokenHeader, out var token))
            return tokens.Find(token.ToString()) is not null;
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header)
            || !header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
            return false;
        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 && CredentialsMatch(pair[..colon], pair[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool FixedEquals(string left, string right) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(left), Encoding.UTF8.GetBytes(right));

    [LoggerMessage(EventId = 5030, Level = LogLevel.Information, Message = "Refused {Method} {Path} with 401: no valid credentials or token")]
    private static partial void LogUnauthorized(ILogger logger, string method, string path);
}
