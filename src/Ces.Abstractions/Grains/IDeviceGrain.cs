using Ces.Abstractions.Messages;
using Orleans;
using Orleans.Concurrency;

namespace Ces.Abstractions.Grains;

/// <summary>One BIG-IP device: one write in flight at a time; waiting tenants go out together in one declaration.</summary>
[Alias("ces.IDeviceGrain")]
public interface IDeviceGrain : IGrainWithStringKey
{
    /// <summary>Queues a tenant write (replacing a queued one of the same tenant) and returns at once.</summary>
    [Alias("Submit")]
    Task SubmitAsync(TenantWrite write);

    [Alias("GetStatus"), AlwaysInterleave]
    Task<DeviceStatus> GetStatusAsync();
}
