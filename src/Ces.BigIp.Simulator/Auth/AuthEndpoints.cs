using System.Text.Json.Nodes;
using Ces.BigIp.Simulator.Endpoints;
using Ces.BigIp.Simulator.Hosting;
using Ces.BigIp.Simulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Ces.BigIp.Simulator.Auth;

/// Token login and token management (as3.md §7.8).
internal static partial class AuthEndpoints
{
    public static IEndpointRouteBuilder MapCesAuth(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(AuthGate.LoginPath, LoginAsync);
        routes.MapGet("/mgmt/shared/authz/tokens/{token}", (string token, TokenStore tokens) => tokens.Find(token) is { } found
            ? JsonReply.With(200, TokenJson(found))
            : JsonReply.With(404, Error(404, "Token not found")));
        routes.MapPatch("/mgmt/shared/authz/tokens/{token}", ExtendAsync);
        return routes;
    }

    private static async Task<ContentHttpResult> LoginAsync(HttpRequest http, AuthGate gate, TokenStore tokens, SimulatorStats stats, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(AuthEndpoints));
        var (body, _) = await JsonReply.ReadAsync(http, http.HttpContext.RequestAborted);
        var user = As3Json.String(body?["username"]);
        if (!gate.CredentialsMatch(user, As3Json.String(body?["password"])))
        {
            LogLoginFailed(logger);
            return JsonReply.With(401, Error(401, "Authentication failed."));
        }
        if (tokens.Issue(user!) is not { } token)
        {
            LogTokenLimit(logger, user!);
            return JsonReply.With(400, Error(400, $"remoteSender:127.0.0.1, uri:{AuthGate.LoginPath}, method:POST, user {user} has reached maximum active login tokens"));
        }
        stats.Login();
        return JsonReply.With(200, new JsonObject
        {
            ["username"] = user,
            ["loginProviderName"] = As3Json.String(body?["loginProviderName"]) ?? "tmos",
            ["token"] = TokenJson(token),
            ["generation"] = 0,
            ["lastUpdateMicros"] = 0,
        });
    }

    private static async Task<ContentHttpResult> ExtendAsync(string token, HttpRequest http, TokenStore tokens)
    {
        var (body, _) = await JsonReply.ReadAsync(http, http.HttpContext.RequestAborted);
        var seconds = As3Json.Int(body?["timeout"], -1);
        if (seconds <= 0)
            return JsonReply.With(400, Error(400, "timeout must be a positive number of seconds"));
        return tokens.Extend(token, TimeSpan.FromSeconds(seconds)) is { } extended
            ? JsonReply.With(200, TokenJson(extended))
            : JsonReply.With(404, Error(404, "Token not found"));
    }

    private static JsonObject TokenJson(AuthToken token) => new()
    {
        ["token"] = token.Token,
        ["name"] = token.Token,
        ["userName"] = token.User,
        ["authProviderName"] = "tmos",
        ["timeout"] = (long)token.Timeout.TotalSeconds,
        ["startTime"] = token.Start.ToString("yyyy-MM-dd'T'HH:mm:ss.fffK", System.Globalization.CultureInfo.InvariantCulture),
        ["expirationMicros"] = token.Expires.ToUnixTimeMilliseconds() * 1000,
        ["kind"] = "shared:authz:tokens:authtokenitemstate",
        ["selfLink"] = $"https://localhost/mgmt/shared/authz/tokens/{token.Token}",
    };

    private static JsonObject Error(int code, string message) => new()
    {
        ["code"] = code,
        ["message"] = message,
        ["errorStack"] = new JsonArray(),
        ["kind"] = ":resterrorresponse",
    };

    [LoggerMessage(EventId = 5031, Level = LogLevel.Information, Message = "Refused login: bad user name or password")]
    private static partial void LogLoginFailed(ILogger logger);

    [LoggerMessage(EventId = 5032, Level = LogLevel.Warning, Message = "Refused login for User {User}: maximum active login tokens reached")]
    private static partial void LogTokenLimit(ILogger logger, string user);
}
