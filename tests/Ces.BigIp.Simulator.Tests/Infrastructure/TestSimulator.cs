using System.Net.Http.Headers;
using System.Text;
using Ces.BigIp.Simulator.Hosting;
using Microsoft.Extensions.Logging;

namespace Ces.BigIp.Simulator.Tests.Infrastructure;

/// Starts a simulator on 127.0.0.1 port 0, near-instant unless a test says otherwise, and clients that trust its certificate.
internal static class TestSimulator
{
    public static Task<BigIpSimulator> StartAsync(Action<SimulatorOptions>? configure = null)
    {
        var options = new SimulatorOptions
        {
            Port = 0,
            Speed = 0.001,
            // Schema validation is not scaled by Speed, so auto-async stays out of the way unless a test asks for it.
            AutoAsyncThreshold = TimeSpan.FromHours(1),
            LogLevel = LogLevel.Warning,
        };
        configure?.Invoke(options);
        return BigIpSimulator.StartAsync(options, TestContext.Current.CancellationToken);
    }

    /// <summary>A client trusting exactly the simulator's certificate, with basic credentials (none when user is null).</summary>
    public static HttpClient Client(BigIpSimulator simulator, string? user = "admin", string password = "admin", TimeSpan? timeout = null)
    {
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
                certificate is not null && simulator.Certificate is not null && certificate.RawData.AsSpan().SequenceEqual(simulator.Certificate.RawData),
        };
        var client = new HttpClient(handler) { BaseAddress = simulator.BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        if (user is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return client;
    }
}
