using System.Net;
using System.Security.Cryptography.X509Certificates;
using Ces.BigIp.Simulator.Auth;
using Ces.BigIp.Simulator.Endpoints;
using Ces.BigIp.Simulator.Faults;
using Ces.BigIp.Simulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ces.BigIp.Simulator.Hosting;

/// A simulated BIG-IP (AS3 + iControl REST) served by Kestrel on 127.0.0.1, embeddable in tests and tools.
public sealed partial class BigIpSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BigIpSimulator(WebApplication app, Uri baseAddress, X509Certificate2? certificate, DeviceState state, FaultInjector faults, SimulatorStats stats)
    {
        _app = app;
        BaseAddress = baseAddress;
        Certificate = certificate;
        State = state;
        Faults = faults;
        Stats = stats;
    }

    /// <summary>`https://127.0.0.1:{port}/` (or http with <see cref="SimulatorOptions.UseHttps"/> off), with the port actually bound.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The self-signed server certificate (public part) clients must trust; null over plain HTTP.</summary>
    public X509Certificate2? Certificate { get; }

    public DeviceState State { get; }

    public FaultInjector Faults { get; }

    public SimulatorStats Stats { get; }

    public static async Task<BigIpSimulator> StartAsync(SimulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var state = DeviceSeed.Create(options);
        var faults = new FaultInjector(options.FaultScript, options.FaultRate);
        var stats = new SimulatorStats();
        using var serverCertificate = options.UseHttps ? SelfSignedCertificate.Create(TimeProvider.System) : null;
        var app = Build(options, serverCertificate, state, faults, stats);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        var certificate = serverCertificate is null ? null : X509CertificateLoader.LoadCertificate(serverCertificate.RawData);
        if (certificate is not null && options.CertificateOutputPath is { } certificatePath)
            await File.WriteAllTextAsync(certificatePath, certificate.ExportCertificatePem() + "\n", cancellationToken);
        var baseAddress = new Uri($"{(options.UseHttps ? "https" : "http")}://127.0.0.1:{port}/");
        LogStarted(app.Services.GetRequiredService<ILogger<BigIpSimulator>>(), baseAddress, options.Speed);
        return new BigIpSimulator(app, baseAddress, certificate, state, faults, stats);
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        Certificate?.Dispose();
    }

    private static WebApplication Build(SimulatorOptions options, X509Certificate2? certificate, DeviceState state, FaultInjector faults, SimulatorStats stats)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ApplicationName = typeof(BigIpSimulator).Assembly.GetName().Name });
        builder.Logging.ClearProviders().AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(options.LogLevel)
            .AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port, listen =>
        {
            if (certificate is not null)
                listen.UseHttps(X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null));
        }));
        builder.Services.AddCesSimulator(options, state, faults, stats);
        var app = builder.Build();
        app.Use(app.Services.GetRequiredService<FaultGate>().InvokeAsync);
        app.Use(app.Services.GetRequiredService<AuthGate>().InvokeAsync);
        app.MapCesAuth();
        app.MapCesAs3();
        app.MapCesAs3Tasks();
        app.MapCesIControlFirewall();
        app.MapCesIControlNet();
        app.MapCesControl();
        app.MapCesEvaluate();
        return app;
    }

    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "Started BIG-IP simulator on {BaseAddress} at speed {Speed}")]
    private static partial void LogStarted(ILogger logger, Uri baseAddress, double speed);
}
