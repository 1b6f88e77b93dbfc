using System.Net;

namespace Ces.Silo.Devices;

/// <summary>Puts a valid token (or basic credentials) on each attempt, and logs in again once when the device says 401.</summary>
/// <remarks>Sits inside the retries, so a retried request never carries the token that just expired.</remarks>
internal sealed class DeviceAuthHandler(DeviceTokenCache tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var authorization = await tokens.GetAsync(stale: null, cancellationToken);
        authorization.Apply(request);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized || authorization.Token is null)
            return response;

        // The token expired early or was revoked: one fresh login, then the device's answer stands.
        response.Dispose();
        var fresh = await tokens.GetAsync(stale: authorization, cancellationToken);
        fresh.Apply(request);
        return await base.SendAsync(request, cancellationToken);
    }
}
