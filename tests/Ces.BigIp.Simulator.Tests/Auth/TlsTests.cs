using System.Security.Cryptography.X509Certificates;
using Ces.BigIp.Simulator.Tests.Infrastructure;

namespace Ces.BigIp.Simulator.Tests.Auth;

public sealed class TlsTests
{
    [Fact]
    public async Task Client_that_does_not_trust_the_self_signed_certificate_fails()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = new HttpClient { BaseAddress = sim.BaseAddress };

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("/mgmt/shared/appsvcs/info", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Client_trusting_the_certificate_through_a_custom_trust_store_succeeds()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.CertificateChainPolicy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            CustomTrustStore = { sim.Certificate! },
            RevocationMode = X509RevocationMode.NoCheck,
        };
        using var client = new HttpClient(handler) { BaseAddress = sim.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String("admin:admin"u8.ToArray()));

        var reply = await client.GetJsonAsync("/mgmt/shared/appsvcs/info");

        Assert.Equal(200, reply.Code);
        Assert.Equal("https", sim.BaseAddress.Scheme);
    }

    [Fact]
    public async Task Plain_http_is_served_when_asked()
    {
        await using var sim = await TestSimulator.StartAsync(o => o.UseHttps = false);
        using var client = TestSimulator.Client(sim);

        Assert.Equal(200, (await client.GetJsonAsync("/mgmt/shared/appsvcs/info")).Code);
        Assert.Null(sim.Certificate);
    }
}
