using Ces.Grains.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ces.Grains.Hosting;

/// <summary>Registers what CES's grains need besides the ports the host supplies (config, status sink, device client).</summary>
public static class CesGrainsServiceCollectionExtensions
{
    public static IServiceCollection AddCesGrains(this IServiceCollection services, IConfiguration? configuration = null)
    {
        var options = services.AddOptions<CesGrainOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection(CesGrainOptions.SectionName));
        }
        services.AddMetrics();
        services.TryAddSingleton<CesTelemetry>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
