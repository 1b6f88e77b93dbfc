using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Ces.Abstractions.Grains;
using Ces.Abstractions.Keys;
using Ces.Grains.As3;
using Ces.Grains.Explain;
using Ces.Grains.Hosting;
using Ces.Silo.Devices;
using Microsoft.Extensions.Options;

namespace Ces.Silo.Explain;

/// <summary>Whether the device's actual state agrees with the desired state behind an explanation.</summary>
/// <remarks>Two checks: the hash of each involved tenant's desired declaration against the one its partition last applied,
/// and, when the device can evaluate flows (the simulator's <c>/ces-sim/evaluate</c>), the device's own verdict.</remarks>
public sealed class DriftCheck(IGrainFactory grains, IHttpClientFactory http, IOptions<CesGrainOptions> grainOptions, IOptions<DeviceOptions> device)
{
    public const string HttpClientName = "ces-explain-device";

    public async Task<DriftReport> CheckAsync(PolicyExplainer explainer, Explanation explanation, string schemaVersion, CancellationToken cancellationToken)
    {
        var details = new List<string>();
        var drift = false;
        foreach (var tenant in explainer.Result.Tenants.Where(t => t.Tenant == "Common" || t.Tenant == explanation.Source.Tenant))
        {
            var desired = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(schemaVersion + "\n" + As3Writer.WriteTenantObject(tenant.Model))));
            var status = await grains.GetGrain<IPartitionGrain>(GrainKeys.Partition(grainOptions.Value.Device, tenant.Tenant)).GetStatusAsync();
            var same = status.LastAppliedHash == desired;
            drift |= !same;
            details.Add(same ? $"tenant {tenant.Tenant}: the device holds the desired declaration ({desired[..12]})"
                : $"tenant {tenant.Tenant}: the device holds {(status.LastAppliedHash is { } h ? h[..Math.Min(12, h.Length)] : "nothing yet")}, desired is {desired[..12]}{(status.WriteInFlight || status.PendingChanges > 0 ? " (a write is on its way)" : "")}");
        }
        var (deviceVerdict, deviceDecision) = await DeviceVerdictAsync(explanation, cancellationToken);
        if (deviceVerdict is not null)
        {
            var agrees = deviceVerdict == explanation.Verdict;
            drift |= !agrees;
            details.Add(agrees ? $"the device evaluates the flow the same way ({deviceVerdict}: {deviceDecision})"
                : $"the device evaluates the flow as {deviceVerdict} ({deviceDecision}), the desired state says {explanation.Verdict}");
        }
        else
        {
            details.Add("the device cannot evaluate flows (only the simulator can); compared declaration hashes only");
        }
        return new DriftReport(drift ? DriftReport.Drifted : DriftReport.InSync, deviceVerdict, details);
    }

    private async Task<(string? Verdict, string? Decision)> DeviceVerdictAsync(Explanation explanation, CancellationToken cancellationToken)
    {
        if (DeviceUrl.TryParse(device.Value.Url) is not { } baseUri)
        {
            return (null, null);
        }
        var destination = explanation.Destination;
        var body = new JsonObject
        {
            ["sourceIp"] = explanation.Source.Ip, ["routeDomain"] = explanation.Source.RouteDomain, ["destinationIp"] = destination.Ip,
            ["protocol"] = destination.Protocol, ["port"] = destination.Port,
        };
        if (destination.Fqdn is { } fqdn)
        {
            body["fqdns"] = new JsonObject { [fqdn] = new JsonArray(destination.Ip) };
        }
        try
        {
            using var response = await http.CreateClient(HttpClientName).PostAsJsonAsync(new Uri(baseUri, "ces-sim/evaluate"), body, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return (null, null);
            }
            var verdict = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
            var decision = verdict?["decision"];
            var where = $"{decision?["contextName"]} {decision?["ruleListPath"]} {decision?["ruleName"]} {decision?["action"]}".Trim();
            return verdict?["allowed"]?.GetValue<bool>() is { } allowed ? (Explanation.VerdictOf(allowed), where) : (null, null);
        }
        catch (HttpRequestException)
        {
            return (null, null);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, null);
        }
    }
}
