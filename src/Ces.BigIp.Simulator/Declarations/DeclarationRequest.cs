using System.Text.Json.Nodes;

namespace Ces.BigIp.Simulator.Declarations;

/// One AS3 write: deploy an ADC (possibly dry run) or remove tenants; <see cref="TenantFilter"/> comes from the URL.
internal sealed record DeclarationRequest(
    JsonObject? Adc,
    IReadOnlyList<string>? TenantFilter,
    bool DryRun,
    bool ShowHash,
    bool IsRemove)
{
    public bool Touches(string tenant) => TenantFilter is null || TenantFilter.Contains(tenant, StringComparer.Ordinal);
}
