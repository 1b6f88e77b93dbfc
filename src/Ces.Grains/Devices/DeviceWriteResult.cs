using Ces.Abstractions.Messages;

namespace Ces.Grains.Devices;

/// <summary>How a device write went: completed with an outcome per tenant, or the device could not take it now.</summary>
public abstract record DeviceWriteResult
{
    /// <summary>The device answered; each tenant applied, unchanged or rejected (a 207 is split per tenant).</summary>
    public sealed record Completed(IReadOnlyDictionary<string, TenantResult> Tenants) : DeviceWriteResult;

    /// <summary>Busy, unreachable or failing: nothing is known to have changed; try again after <paramref name="RetryAfter"/>.</summary>
    public sealed record Unavailable(TimeSpan RetryAfter, string Reason) : DeviceWriteResult;

    public static DeviceWriteResult AllTenants(IEnumerable<string> tenants, WriteOutcome outcome, string message) =>
        new Completed(tenants.ToDictionary(t => t, _ => new TenantResult(outcome, message), StringComparer.Ordinal));
}

/// <summary>One tenant's outcome of a write.</summary>
public sealed record TenantResult(WriteOutcome Outcome, string Message);
