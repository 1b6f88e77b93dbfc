using System.Diagnostics;
using System.Text.Json.Nodes;
using Ces.Abstractions.Messages;
using Ces.Grains.Devices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ces.Silo.Devices;

/// <summary>AS3 over REST: posts a declaration with <c>?async=true</c> and polls its task to a per-tenant answer.</summary>
/// <remarks>Also copes with a synchronous answer (200/207/422) and with AS3's auto-async 202 (as3.md §7.3, §7.4).</remarks>
internal sealed partial class As3Client(
    HttpClient http, DeviceResilience resilience, DeviceWriteGate gate, IOptionsMonitor<DeviceOptions> options, TimeProvider clock, ILogger<As3Client> logger)
{
    private const string Appsvcs = "mgmt/shared/appsvcs";

    internal async Task<DeviceWriteResult> DeclareAsync(string device, IReadOnlyList<string> tenants, string declaration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenants);
        using var _ = await gate.EnterAsync(device, cancellationToken);
        var settings = options.CurrentValue;
        var started = Stopwatch.GetTimestamp();
        var uri = new Uri(BaseUri(settings), $"{Appsvcs}/declare/{string.Join(',', tenants)}?async=true");
        // A declaration carries whole tenants, so resending one after a lost answer is safe.
        var call = await resilience.ExecuteAsync(device, "as3.declare",
            token => DeviceHttp.SendAsync(http, () => DeviceHttp.Json(HttpMethod.Post, uri, declaration), settings.RequestTimeout, token), cancellationToken);
        var result = await AnswerAsync(device, tenants, call, cancellationToken);
        Report(device, tenants, result, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    private async Task<DeviceWriteResult> AnswerAsync(string device, IReadOnlyList<string> tenants, DeviceCall call, CancellationToken cancellationToken)
    {
        if (call is not DeviceCall.Answered answered)
            return Unavailable(device, call);
        var body = As3Results.Parse(answered.Body);
        var taskId = body?["id"]?.GetValue<string>();
        switch (answered.Status)
        {
            case 202 when !string.IsNullOrEmpty(taskId):
                return await PollAsync(device, tenants, taskId, cancellationToken);
            case 200 or 207 or 422 when body is not null:
                return As3Results.ToWriteResult(tenants, body);
            case 400:
                // A malformed request does not get better by resending it: report it as the device's refusal.
                return DeviceWriteResult.AllTenants(tenants, WriteOutcome.Rejected, $"AS3 refused the request: {call.Describe()}");
            default:
                return Unavailable(device, call);
        }
    }

    private async Task<DeviceWriteResult> PollAsync(string device, IReadOnlyList<string> tenants, string taskId, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var uri = new Uri(BaseUri(settings), $"{Appsvcs}/task/{Uri.EscapeDataString(taskId)}");
        var deadline = clock.GetUtcNow() + settings.TaskTimeout;
        while (true)
        {
            await Task.Delay(settings.TaskPollInterval, clock, cancellationToken);
            var call = await resilience.ExecuteAsync(device, "as3.task",
                token => DeviceHttp.SendAsync(http, () => DeviceHttp.Json(HttpMethod.Get, uri, null), settings.RequestTimeout, token), cancellationToken);
            if (call is not DeviceCall.Answered { Status: 200 } answered || As3Results.Parse(answered.Body) is not { } body)
                return Unavailable(device, call is DeviceCall.Answered { Status: 404 } ? new DeviceCall.Failed($"AS3 task {taskId} is gone (404)", true) : call);
            if (!As3Results.InProgress(body))
                return As3Results.ToWriteResult(tenants, body);
            if (clock.GetUtcNow() > deadline)
                return new DeviceWriteResult.Unavailable(settings.TaskPollInterval, $"AS3 task {taskId} still running after {settings.TaskTimeout}");
        }
    }

    private DeviceWriteResult.Unavailable Unavailable(string device, DeviceCall call)
    {
        return new DeviceWriteResult.Unavailable(resilience.RetryAfter(call), call.ReasonFor(device));
    }

    private void Report(string device, IReadOnlyList<string> tenants, DeviceWriteResult result, long elapsedMs)
    {
        switch (result)
        {
            case DeviceWriteResult.Completed completed:
                foreach (var (tenant, outcome) in completed.Tenants.Where(t => t.Value.Outcome == WriteOutcome.Rejected))
                    LogTenantRejected(logger, tenant, device, outcome.Message);
                LogDeclared(logger, device, tenants.Count, elapsedMs);
                break;
            case DeviceWriteResult.Unavailable unavailable:
                LogUnavailable(logger, device, unavailable.Reason, (long)unavailable.RetryAfter.TotalMilliseconds);
                break;
        }
    }

    private static Uri BaseUri(DeviceOptions settings) => DeviceUrl.TryParse(settings.Url)
        ?? throw new InvalidOperationException($"{DeviceOptions.SectionName}:Url is not valid; the options validator should have stopped the start");
}
