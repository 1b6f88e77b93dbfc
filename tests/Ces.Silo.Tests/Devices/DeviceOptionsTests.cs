using Ces.Silo.Devices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ces.Silo.Tests.Devices;

public sealed class DeviceOptionsTests
{
    [Theory]
    [InlineData("bigip.example.com", "https://bigip.example.com/")]
    [InlineData("10.0.0.5:8443", "https://10.0.0.5:8443/")]
    [InlineData("https://bigip.example.com:443/mgmt", "https://bigip.example.com/")]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080/")]
    public void Url_accepts_CES_0_5_host_port_and_full_URLs(string url, string expected) =>
        Assert.Equal(new Uri(expected), DeviceUrl.TryParse(url));

    [Fact]
    public void Invalid_options_name_each_key_and_the_fix()
    {
        var failures = Validate(new Dictionary<string, string?> { ["Url"] = "ftp://x", ["MaxAttempts"] = "0", ["Insecure"] = "true", ["CaBundlePath"] = "/nope.pem" });

        Assert.Contains(failures, f => f.StartsWith("Ces:Device:Url", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Ces:Device:MaxAttempts", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Ces:Device:CaBundlePath", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Ces:Device:Username", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("drop Insecure", StringComparison.Ordinal));
    }

    [Fact]
    public void Credential_files_override_values_and_never_reach_ToString()
    {
        var directory = Directory.CreateTempSubdirectory("ces-creds-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "username"), "ces-svc\n");
            File.WriteAllText(Path.Combine(directory, "password"), "from-file-secret\n");
            var options = new DeviceOptions { Url = "bigip", Username = "admin", Password = "inline-secret", CredentialsDirectory = directory };

            var credentials = DeviceCredentials.From(options);

            Assert.Equal(new DeviceCredentials("ces-svc", "from-file-secret"), credentials);
            Assert.DoesNotContain("secret", options.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("secret", credentials.ToString(), StringComparison.Ordinal);
            Assert.Empty(Validate(new Dictionary<string, string?> { ["Url"] = "bigip", ["CredentialsDirectory"] = directory }));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static IReadOnlyList<string> Validate(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>($"{DeviceOptions.SectionName}:{s.Key}", s.Value)))
            .Build();
        using var services = new ServiceCollection().AddLogging().AddCesDeviceClient(configuration).BuildServiceProvider();
        try
        {
            _ = services.GetRequiredService<IOptions<DeviceOptions>>().Value;
            return [];
        }
        catch (OptionsValidationException exception)
        {
            return [.. exception.Failures];
        }
    }
}
