using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ces.Silo.Devices;

/// <summary>Holds the device's login token, logs in before it expires, and falls back to basic auth when the device has no login.</summary>
internal sealed partial class DeviceTokenCache(
    IHttpClientFactory clients, IOptionsMonitor<DeviceOptions> options, DeviceClientStats stats, TimeProvider clock, ILogger<DeviceTokenCache> logger)
{
    public const string LoginClient = "ces-device-login";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DeviceAuthorization? _current;
    private DateTimeOffset _refreshAt;
    private bool _basicOnly;

    /// <param name="stale">An authorization the device refused: replace it unless another caller already did.</param>
    public async ValueTask<DeviceAuthorization> GetAsync(DeviceAuthorization? stale, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (settings.AuthMode == DeviceAuthMode.Basic || _basicOnly)
            return DeviceAuthorization.ForBasic(DeviceCredentials.From(settings));
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } current && current != stale && clock.GetUtcNow() < _refreshAt)
                return current;
            return await LoginAsync(settings, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<DeviceAuthorization> LoginAsync(DeviceOptions settings, CancellationToken cancellationToken)
    {
        var credentials = DeviceCredentials.From(settings);
        var body = new JsonObject { ["username"] = credentials.Username, ["password"] = credentials.Password, ["loginProviderName"] = "tmos" };
        var uri = new Uri(DeviceUrl.TryParse(settings.Url)!, "mgmt/shared/authn/login");
        var call = await DeviceHttp.SendAsync(clients.CreateClient(LoginClient), () => DeviceHttp.Json(HttpMethod.Post, uri, body.ToJsonString()), settings.RequestTimeout, cancellationToken);
        switch (call)
        {
            case DeviceCall.Answered { Status: 200 } answered when Parse(answered.Body) is { } token:
                stats.Login();
                var lifetime = token.Lifetime;
                _current = new DeviceAuthorization(token.Value, null);
                _refreshAt = clock.GetUtcNow() + lifetime - RefreshMargin(lifetime);
                LogLoggedIn(logger, settings.Name, (long)lifetime.TotalSeconds);
                return _current;
            case DeviceCall.Answered { Status: 404 or 401 } answered:
                // No token login here (or no tmos provider for this user): basic auth is what CES 0.5 always used.
                _basicOnly = true;
                LogFallingBackToBasic(logger, settings.Name, answered.Status);
                return DeviceAuthorization.ForBasic(credentials);
            case DeviceCall.Failed failed:
                throw new DeviceAuthenticationException($"Token login to Device {settings.Name} failed: {failed.Reason}", failed.Transient);
            default:
                throw new DeviceAuthenticationException($"Token login to Device {settings.Name} failed: {call.Describe()}", call.IsTransient || call is DeviceCall.Answered { Status: 400 });
        }
    }

    /// <remarks>Refresh a little early so a request in flight never carries a token that expires on the way.</remarks>
    private static TimeSpan RefreshMargin(TimeSpan lifetime) => TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(60).Ticks, lifetime.Ticks / 10));

    private static (string Value, TimeSpan Lifetime)? Parse(string body)
    {
        try
        {
            var token = JsonNode.Parse(body)?["token"];
            var value = token?["token"]?.GetValue<string>();
            var seconds = token?["timeout"] is JsonValue timeout && timeout.TryGetValue<long>(out var s) ? s : 1200;
            return value is null ? null : (value, TimeSpan.FromSeconds(Math.Max(1, seconds)));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
