using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Ces.BigIp.Simulator.Hosting;
using Ces.BigIp.Simulator.State;
using Microsoft.Extensions.Logging;

namespace Ces.BigIp.Simulator.Declarations;

/// Runs one AS3 write while the caller holds the device lock: validate, wait the modelled cost, apply per tenant.
internal sealed partial class DeclarationProcessor(DeviceState state, As3Validation validation, LatencyModel latency, SimulatorStats stats, ILogger<DeclarationProcessor> logger)
{
    public async Task<DeclarationOutcome> RunAsync(DeclarationRequest request, CancellationToken cancellationToken)
    {
        using var running = stats.DeclarationRunning();
        var outcome = request.IsRemove ? await RemoveAsync(request, cancellationToken) : await DeployAsync(request, cancellationToken);
        if (outcome.StatusCode == 422 && outcome.Body["errors"] is not null)
            stats.Rejected();
        else
            stats.Applied();
        return outcome;
    }

    private async Task<DeclarationOutcome> DeployAsync(DeclarationRequest request, CancellationToken cancellationToken)
    {
        var adc = request.Adc!;
        var started = Stopwatch.GetTimestamp();
        if (validation.FirstError(adc) is { } error)
        {
            LogRejected(logger, error);
            return new DeclarationOutcome(422, As3Bodies.Invalid(error));
        }
        var declarationId = As3Json.String(adc["id"]) ?? $"autogen_{Guid.NewGuid()}";
        var dryRun = request.DryRun || As3Json.Bool(adc["controls"]?["dryRun"]);
        var declared = DeclaredTenants(adc, request).ToList();
        await latency.DelayAsync(latency.Declaration(declared.Sum(t => t.Config.ObjectCount)), cancellationToken);

        var results = new JsonArray();
        foreach (var tenant in declared)
            results.Add(ApplyTenant(tenant, declarationId, request.ShowHash, dryRun, started));
        if (As3Json.String(adc["updateMode"]) == "complete")
        {
            foreach (var name in state.TenantNames.Where(n => request.Touches(n) && declared.All(t => t.Name != n)))
                results.Add(Remove(name, declarationId, dryRun));
        }
        var header = Header(adc, declarationId);
        if (!dryRun)
            state.SetHeader(header.DeepClone().AsObject());
        foreach (var tenant in declared)
            header[tenant.Name] = tenant.Node.DeepClone();
        LogApplied(logger, declared.Count, dryRun);
        return Finish(results, header, dryRun);
    }

    private Task<DeclarationOutcome> RemoveAsync(DeclarationRequest request, CancellationToken cancellationToken)
    {
        var declarationId = $"autogen_{Guid.NewGuid()}";
        var names = request.TenantFilter ?? state.TenantNames;
        var results = new JsonArray([.. names.Select(name => Remove(name, declarationId, dryRun: false))]);
        return Task.FromResult(Finish(results, state.Header ?? new JsonObject(), dryRun: false));
    }

    private IEnumerable<DeclaredTenant> DeclaredTenants(JsonObject adc, DeclarationRequest request)
    {
        foreach (var (name, node) in adc)
        {
            if (node is JsonObject tenant && As3Json.ClassOf(tenant) == "Tenant" && request.Touches(name))
                yield return new DeclaredTenant(name, tenant, As3StateParser.Parse(name, tenant));
        }
    }

    /// <remarks>runTime counts from the start of the declaration, so it includes the modelled device work.</remarks>
    private JsonObject ApplyTenant(DeclaredTenant tenant, string declarationId, bool showHash, bool dryRun, long start)
    {
        if (!As3StateParser.Applications(tenant.Node).Any())
            return Remove(tenant.Name, declarationId, dryRun);
        var existing = state.Tenant(tenant.Name);
        if (TenantFailure(tenant, existing) is { } failure)
            return TenantResults.Failed(tenant.Name, declarationId, failure, Stopwatch.GetElapsedTime(start));

        var stored = tenant.Node.DeepClone().AsObject();
        stored.Remove("optimisticLockKey");
        var unchanged = existing is not null && !existing.HasDrifted && JsonNode.DeepEquals(JsonNode.Parse(existing.DeclarationJson), stored);
        var lockKey = existing?.LockKey ?? "";
        if (!unchanged)
        {
            var json = stored.ToJsonString();
            lockKey = LockKeyOf(json);
            if (!dryRun)
                state.PutTenant(new TenantRecord(tenant.Name, json, lockKey, tenant.Config, tenant.Config));
        }
        return TenantResults.Succeeded(tenant.Name, declarationId, unchanged, tenant.Config.ObjectCount, Stopwatch.GetElapsedTime(start), showHash ? lockKey : null);
    }

    private string? TenantFailure(DeclaredTenant tenant, TenantRecord? existing)
    {
        var routeDomain = tenant.Config.DefaultRouteDomain;
        if (routeDomain != 0 && !state.RouteDomainIdExists(routeDomain))
            return $"01070712:3: Values (defaultRouteDomain) specified for tenant ({tenant.Name}): route domain {routeDomain} does not exist";
        var declaredKey = As3Json.String(tenant.Node["optimisticLockKey"]);
        if (!string.IsNullOrEmpty(declaredKey) && existing is not null && declaredKey != existing.LockKey)
            return $"The optimisticLockKey of tenant {tenant.Name} does not match: the tenant was changed since the key was read";
        return null;
    }

    private JsonObject Remove(string name, string declarationId, bool dryRun)
    {
        var existed = state.Tenant(name) is not null;
        if (existed && !dryRun)
            state.RemoveTenant(name);
        return TenantResults.Succeeded(name, declarationId, unchanged: !existed, 0, TimeSpan.Zero, null);
    }

    private static JsonObject Header(JsonObject adc, string declarationId) => new()
    {
        ["class"] = "ADC",
        ["schemaVersion"] = As3Json.String(adc["schemaVersion"]),
        ["id"] = declarationId,
        ["updateMode"] = As3Json.String(adc["updateMode"]) ?? "selective",
    };

    private static DeclarationOutcome Finish(JsonArray results, JsonObject declaration, bool dryRun)
    {
        var codes = results.Select(r => As3Json.Int(r?["code"], 422)).ToList();
        var status = codes.All(c => c == 200) ? 200 : codes.All(c => c != 200) ? 422 : 207;
        var body = new JsonObject { ["results"] = results, ["declaration"] = declaration };
        if (dryRun)
            body["dryRun"] = true;
        return new DeclarationOutcome(status, body);
    }

    private static string LockKeyOf(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));

    private sealed record DeclaredTenant(string Name, JsonObject Node, TenantConfig Config);
}
