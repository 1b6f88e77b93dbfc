using System.Text.Json.Nodes;
using Ces.Abstractions.Afm;
using Ces.Abstractions.Messages;
using Ces.Grains.Compiler;
using Ces.Grains.Devices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ces.Silo.Devices;

/// <summary>iControl REST: the address-list fast path, context bindings and <c>save sys config</c> (as3.md §9, ces-behaviour §4.7, §4.14).</summary>
internal sealed partial class IControlClient(HttpClient http, DeviceResilience resilience, IOptionsMonitor<DeviceOptions> options, ILogger<IControlClient> logger)
{
    private const string Firewall = "mgmt/tm/security/firewall";

    /// <remarks>Addresses go out exactly as given: the caller adds the tenant's real <c>%id</c> (CES 0.5 hard-coded %10, bug 6).</remarks>
    public async Task<DeviceWriteResult> PatchAddressListAsync(string device, string path, IReadOnlyList<string> addresses, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["addresses"] = new JsonArray([.. addresses.Select(a => (JsonNode)new JsonObject { ["name"] = a })]) };
        var call = await SendAsync(device, "icontrol.address-list", HttpMethod.Patch, $"{Firewall}/address-list/{IControlPath.Encode(path)}", body, cancellationToken);
        var tenant = IControlPath.Tenant(path);
        switch (call)
        {
            case DeviceCall.Answered { Status: 200 }:
                return DeviceWriteResult.AllTenants([tenant], WriteOutcome.Applied, "patched");
            case DeviceCall.Answered { Status: >= 400 and < 500 and not 401 and not 403 and not 408 and not 429 }:
                // Surfaced so the caller falls back to a declaration; CES 0.5 ignored PATCH errors (bug 7).
                LogPatchRejected(logger, path, device, call.Describe());
                return DeviceWriteResult.AllTenants([tenant], WriteOutcome.Rejected, $"PATCH of address list {path} failed: {call.Describe()}");
            default:
                return new DeviceWriteResult.Unavailable(resilience.RetryAfter(call), call.ReasonFor(device));
        }
    }

    public async Task<BindingResult> EnsureBindingAsync(string device, ContextBinding binding, CancellationToken cancellationToken)
    {
        if (Target(binding) is not { } target)
            return new BindingResult(ContextBindingAction.Conflict, null, $"Route-domain binding of {binding.PolicyPath} names no route domain");
        var read = await SendAsync(device, "icontrol.binding.read", HttpMethod.Get, target.Resource, null, cancellationToken);
        if (read is not DeviceCall.Answered { Status: 200 } answered || As3Results.Parse(answered.Body) is not { } current)
            return new BindingResult(ContextBindingAction.Bind, null, $"Reading {target.Resource} failed: {read.ReasonFor(device)}");
        var bound = current[target.Property]?.GetValue<string>();
        var action = ContextBindingDecision.Decide(binding, bound);
        if (action == ContextBindingAction.Conflict)
        {
            LogBindingConflict(logger, binding.PolicyPath, target.Resource, bound ?? "", device);
            return new BindingResult(action, bound);
        }
        if (action == ContextBindingAction.AlreadyBound)
            return new BindingResult(action, bound);
        var write = await SendAsync(device, "icontrol.binding.write", HttpMethod.Patch, target.Resource, new JsonObject { [target.Property] = binding.PolicyPath }, cancellationToken);
        if (write is not DeviceCall.Answered { Status: 200 })
            return new BindingResult(action, bound, $"Binding {binding.PolicyPath} at {target.Resource} failed: {write.ReasonFor(device)}");
        LogBound(logger, binding.PolicyPath, target.Resource, device);
        return new BindingResult(action, binding.PolicyPath);
    }

    public async Task<BindingResult> ReleaseBindingAsync(string device, ContextBinding binding, CancellationToken cancellationToken)
    {
        if (Target(binding) is not { } target)
            return new BindingResult(ContextBindingAction.AlreadyBound, null);
        var read = await SendAsync(device, "icontrol.binding.read", HttpMethod.Get, target.Resource, null, cancellationToken);
        if (read is not DeviceCall.Answered { Status: 200 } answered || As3Results.Parse(answered.Body) is not { } current)
            return new BindingResult(ContextBindingAction.Bind, null, $"Reading {target.Resource} failed: {read.ReasonFor(device)}");
        var bound = current[target.Property]?.GetValue<string>();
        if (!string.Equals(bound, binding.PolicyPath, StringComparison.Ordinal))
            return new BindingResult(ContextBindingAction.AlreadyBound, bound);
        var write = await SendAsync(device, "icontrol.binding.write", HttpMethod.Patch, target.Resource, new JsonObject { [target.Property] = "none" }, cancellationToken);
        if (write is not DeviceCall.Answered { Status: 200 })
            return new BindingResult(ContextBindingAction.Bind, bound, $"Unbinding {binding.PolicyPath} at {target.Resource} failed: {write.ReasonFor(device)}");
        LogBound(logger, "none", target.Resource, device);
        return new BindingResult(ContextBindingAction.Bind, null);
    }

    public async Task<DeviceWriteResult> SaveConfigAsync(string device, CancellationToken cancellationToken)
    {
        var call = await SendAsync(device, "icontrol.save", HttpMethod.Post, "mgmt/tm/sys/config", new JsonObject { ["command"] = "save" }, cancellationToken);
        return call switch
        {
            DeviceCall.Answered { Status: 200 } => new DeviceWriteResult.Completed(new Dictionary<string, TenantResult>(StringComparer.Ordinal)),
            DeviceCall.Answered { Status: 400 or 404 or 409 or 422 } => DeviceWriteResult.AllTenants(["Common"], WriteOutcome.Rejected, $"save sys config failed: {call.Describe()}"),
            _ => new DeviceWriteResult.Unavailable(resilience.RetryAfter(call), call.ReasonFor(device)),
        };
    }

    /// <remarks>Every call here is safe to resend: GETs, and PATCHes and saves that set a value rather than add to one.</remarks>
    private Task<DeviceCall> SendAsync(string device, string operation, HttpMethod method, string resource, JsonObject? body, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var uri = new Uri(DeviceUrl.TryParse(settings.Url)!, resource);
        var json = body?.ToJsonString();
        return resilience.ExecuteAsync(device, operation,
            token => DeviceHttp.SendAsync(http, () => DeviceHttp.Json(method, uri, json), settings.RequestTimeout, token), cancellationToken);
    }

    private static (string Resource, string Property)? Target(ContextBinding binding) => binding.Kind switch
    {
        ContextBindingKind.Global => ($"{Firewall}/global-rules", binding.Staged ? "stagedPolicy" : "enforcedPolicy"),
        ContextBindingKind.RouteDomain when binding.RouteDomainPath is { Length: > 0 } path =>
            ($"mgmt/tm/net/route-domain/{IControlPath.Encode(path)}", binding.Staged ? "fwStagedPolicy" : "fwEnforcedPolicy"),
        _ => null,
    };
}
