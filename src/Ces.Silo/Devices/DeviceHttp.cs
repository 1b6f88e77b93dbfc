using System.Net.Http.Headers;
using System.Security.Authentication;
using System.Text;

namespace Ces.Silo.Devices;

/// <summary>Sends one request with a per-request timeout and turns every transport failure into a <see cref="DeviceCall"/>.</summary>
internal static class DeviceHttp
{
    public static HttpRequestMessage Json(HttpMethod method, Uri uri, string? body)
    {
        var request = new HttpRequestMessage(method, uri);
        if (body is not null)
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        return request;
    }

    public static async Task<DeviceCall> SendAsync(HttpClient http, Func<HttpRequestMessage> create, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var request = create();
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, deadline.Token);
            var body = await response.Content.ReadAsStringAsync(deadline.Token);
            return new DeviceCall.Answered((int)response.StatusCode, body, RetryAfter(response.Headers.RetryAfter));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeviceCall.Failed($"No answer within {timeout.TotalSeconds:0.###} s", Transient: true);
        }
        catch (HttpRequestException exception) when (FindTlsFailure(exception) is { } tls)
        {
            return new DeviceCall.Failed($"TLS handshake failed: {tls.Message}", Transient: false);
        }
        catch (DeviceAuthenticationException exception)
        {
            return new DeviceCall.Failed(exception.Message, exception.Transient);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            return new DeviceCall.Failed($"Connection failed: {exception.Message}", Transient: true);
        }
    }

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private static AuthenticationException? FindTlsFailure(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is AuthenticationException tls)
                return tls;
        }
        return null;
    }
}
