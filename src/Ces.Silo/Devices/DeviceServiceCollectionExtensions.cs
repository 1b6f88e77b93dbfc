using Ces.Grains.Devices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ces.Silo.Devices;

/// <summary>Registers the BIG-IP device client: options, typed HTTP clients with TLS and auth, and <see cref="IDeviceClient"/>.</summary>
public static class DeviceServiceCollectionExtensions
{
    public static IServiceCollection AddCesDeviceClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DeviceOptions>().Bind(configuration.GetSection(DeviceOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DeviceOptions>, DeviceOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DeviceClientStats>();
        services.TryAddSingleton<DeviceResilience>();
        services.TryAddSingleton<DeviceWriteGate>();
        services.TryAddSingleton<DeviceTokenCache>();
        services.TryAddTransient<DeviceAuthHandler>();

        services.AddHttpClient(DeviceTokenCache.LoginClient).ConfigureDevice();
        services.AddHttpClient<As3Client>().ConfigureDevice().AddHttpMessageHandler<DeviceAuthHandler>();
        services.AddHttpClient<IControlClient>().ConfigureDevice().AddHttpMessageHandler<DeviceAuthHandler>();
        services.TryAddSingleton<IDeviceClient, BigIpDeviceClient>();
        return services;
    }

    /// <remarks>Timeouts are per attempt (DeviceHttp), so HttpClient's own must not cut a long task poll or retry loop short.</remarks>
    private static IHttpClientBuilder ConfigureDevice(this IHttpClientBuilder builder) => builder
        .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
        .ConfigurePrimaryHttpMessageHandler(services => DeviceTls.CreateHandler(services.GetRequiredService<IOptions<DeviceOptions>>().Value));
}
