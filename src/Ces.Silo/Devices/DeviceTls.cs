using System.Security.Cryptography.X509Certificates;

namespace Ces.Silo.Devices;

/// <summary>The primary handler for device calls: verification on, trusting exactly the CA bundle when one is given.</summary>
internal static class DeviceTls
{
    public static SocketsHttpHandler CreateHandler(DeviceOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            // BIG-IPs sit on management networks; a cluster-wide proxy would rarely reach them.
            UseProxy = false,
            ConnectTimeout = TimeSpan.FromSeconds(15),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        if (options.Insecure)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
        }
        else if (options.CaBundlePath is { } path)
        {
            var trusted = new X509Certificate2Collection();
            trusted.ImportFromPemFile(path);
            // A custom root trust replaces the system store: trusting the bundle must not mean trusting every public CA too.
            var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
            policy.CustomTrustStore.AddRange(trusted);
            handler.SslOptions.CertificateChainPolicy = policy;
        }
        return handler;
    }
}
