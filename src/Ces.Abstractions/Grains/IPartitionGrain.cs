using Ces.Abstractions.Api;
using Ces.Abstractions.Messages;
using Ces.Abstractions.Policy;
using Orleans;
using Orleans.Concurrency;

namespace Ces.Abstractions.Grains;

/// <summary>One BIG-IP partition (key <c>device/tenant</c>): the desired tenant, coalesced into device writes.</summary>
[Alias("ces.IPartitionGrain")]
public interface IPartitionGrain : IGrainWithStringKey
{
    /// <summary>Sets or (with a null definition) removes one rule of the tenant.</summary>
    [Alias("SetRule")]
    Task SetRuleAsync(ObjectRef rule, RuleDefinition? definition, DateTimeOffset observedAt);

    /// <summary>Sets one namespace's sources as this partition sees them.</summary>
    [Alias("SetNamespaceSources")]
    Task SetNamespaceSourcesAsync(NamespaceSources sources);

    /// <summary>The source has sent everything it knows (resync epoch); until then a new activation does not write.</summary>
    [Alias("MarkSynced")]
    Task MarkSyncedAsync(long epoch);

    /// <summary>The device's answer to this partition's write; one-way, so a device never waits on a partition.</summary>
    [Alias("Acknowledge"), OneWay]
    Task AcknowledgeAsync(DeviceAck ack);

    [Alias("GetStatus"), AlwaysInterleave]
    Task<PartitionStatus> GetStatusAsync();
}
