using Ces.Abstractions.Grains;
using Ces.Abstractions.Keys;
using Ces.Grains.Compiler;
using Ces.Grains.Hosting;
using Ces.Silo.Files;
using Ces.Silo.Status;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Ces.Silo.Http;

/// <summary>CES's HTTP surface beside the dashboard and /metrics: health, readiness, and a read-only status API.</summary>
public static class CesEndpoints
{
    public static IEndpointRouteBuilder MapCesHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => TypedResults.Text("ok"));
        endpoints.MapGet("/readyz", (SourceReadiness readiness) => readiness.Synced
            ? Results.Text("ready")
            : Results.Text("waiting for the first full sync of the source", statusCode: StatusCodes.Status503ServiceUnavailable));
        return endpoints;
    }

    public static IEndpointRouteBuilder MapCesApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1");
        api.MapGet("/rules", (RuleStatusStore statuses) => TypedResults.Ok(statuses.All
            .OrderBy(s => s.Key.ToString(), StringComparer.Ordinal)
            .Select(s => new { rule = s.Key.ToString(), kind = s.Key.Kind, @namespace = s.Key.Namespace, name = s.Key.Name, status = s.Value })));
        api.MapGet("/partitions", async (IGrainFactory grains, ICesConfigSource config, IOptions<CesGrainOptions> options) =>
            TypedResults.Ok(await Task.WhenAll(TenantMap.For(config.Current.Config).Tenants.Select(t =>
                grains.GetGrain<IPartitionGrain>(GrainKeys.Partition(options.Value.Device, t.Name)).GetStatusAsync()))));
        api.MapGet("/devices/{device}", async (string device, IGrainFactory grains) =>
            TypedResults.Ok(await grains.GetGrain<IDeviceGrain>(device).GetStatusAsync()));
        return endpoints;
    }
}
