using Ces.BigIp.Simulator.Auth;
using Ces.BigIp.Simulator.Declarations;
using Ces.BigIp.Simulator.Faults;
using Ces.BigIp.Simulator.State;
using Ces.Grains.As3;
using Microsoft.Extensions.DependencyInjection;

namespace Ces.BigIp.Simulator.Hosting;

/// Registers one simulated device's parts.
internal static class SimulatorServiceCollectionExtensions
{
    public static IServiceCollection AddCesSimulator(this IServiceCollection services, SimulatorOptions options, DeviceState state, FaultInjector faults, SimulatorStats stats)
    {
        services.AddSingleton(options);
        services.AddSingleton(state);
        services.AddSingleton(faults);
        services.AddSingleton(stats);
        services.AddSingleton(As3SchemaSet.Default);
        services.AddSingleton(new DeviceLock(options.BurstHandling));
        services.AddSingleton(_ => new TaskStore(options.TimeProvider));
        services.AddSingleton<LatencyModel>();
        services.AddSingleton<As3Validation>();
        services.AddSingleton<DeclarationProcessor>();
        services.AddSingleton<DeclarationRunner>();
        services.AddSingleton<TokenStore>();
        services.AddSingleton<AuthGate>();
        services.AddSingleton<FaultGate>();
        return services;
    }
}
