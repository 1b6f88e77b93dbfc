using Orleans;

namespace Ces.Abstractions.Grains;

/// <summary>What a partition grain holds and last achieved, for the API and dashboard.</summary>
[GenerateSerializer, Immutable, Alias("ces.PartitionStatus")]
public sealed record PartitionStatus(
    string Tenant,
    bool Synced,
    int Rules,
    int Namespaces,
    int PendingChanges,
    bool WriteInFlight,
    string? LastAppliedHash,
    DateTimeOffset? LastAppliedAt,
    long Writes,
    long FastPathWrites,
    string? LastError);

/// <summary>What a device grain is doing, for the API and dashboard.</summary>
[GenerateSerializer, Immutable, Alias("ces.DeviceStatus")]
public sealed record DeviceStatus(string Device, int QueuedTenants, bool Busy, long Declarations, long FastPathWrites, long Retries, string? LastError);
