using System.Net.Http.Headers;
using System.Text;

namespace Ces.Silo.Devices;

/// <summary>The credential one request carries: an iControl token, or basic auth.</summary>
internal sealed record DeviceAuthorization(string? Token, string? Basic)
{
    public const string TokenHeader = "X-F5-Auth-Token";

    public static DeviceAuthorization ForBasic(DeviceCredentials credentials) =>
        new(null, Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.Username}:{credentials.Password}")));

    public void Apply(HttpRequestMessage request)
    {
        request.Headers.Remove(TokenHeader);
        request.Headers.Authorization = null;
        if (Token is not null)
            request.Headers.TryAddWithoutValidation(TokenHeader, Token);
        else if (Basic is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Basic);
    }

    public override string ToString() => Token is null ? "basic" : "token";
}
