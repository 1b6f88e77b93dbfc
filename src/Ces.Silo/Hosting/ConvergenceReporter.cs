using Ces.Abstractions.Grains;
using Ces.Abstractions.Keys;
using Ces.Grains.Compiler;
using Ces.Grains.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Ces.Silo.Hosting;

/// <summary>Prints a line on the console each time a tenant converges on its device: what a user of <c>ces run</c> watches.</summary>
public sealed class ConvergenceReporter(IGrainFactory grains, ICesConfigSource config, IOptions<CesGrainOptions> options, TextWriter output) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seen = new Dictionary<string, string?>(StringComparer.Ordinal);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            foreach (var tenant in TenantMap.For(config.Current.Config).Tenants)
            {
                var key = GrainKeys.Partition(options.Value.Device, tenant.Name);
                var status = await grains.GetGrain<IPartitionGrain>(key).GetStatusAsync();
                if (status.LastAppliedHash is { } hash && seen.GetValueOrDefault(key) != hash)
                {
                    seen[key] = hash;
                    await output.WriteLineAsync(
                        $"converged  {key}: {status.Rules} rules, {status.Namespaces} namespaces, {status.Writes} declarations + {status.FastPathWrites} fast-path writes (hash {hash[..12]})");
                }
                else if (status.LastError is { } error && seen.GetValueOrDefault(key + "!") != error)
                {
                    seen[key + "!"] = error;
                    await output.WriteLineAsync($"failing    {key}: {error}");
                }
            }
        }
    }
}
