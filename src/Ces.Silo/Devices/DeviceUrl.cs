namespace Ces.Silo.Devices;

/// <summary>Turns <c>host</c>, <c>host:port</c> or a full URL into the device's base URI.</summary>
public static class DeviceUrl
{
    /// <returns>The base URI ending in <c>/</c>, or null when <paramref name="url"/> is no usable address.</returns>
    public static Uri? TryParse(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
            return null;
        // CES 0.5 took host[:port] without a scheme and always spoke HTTPS.
        var text = url.Contains("://", StringComparison.Ordinal) ? url : "https://" + url;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || string.IsNullOrEmpty(uri.Host))
            return null;
        return new UriBuilder(uri.Scheme, uri.Host, uri.Port, "/").Uri;
    }
}
