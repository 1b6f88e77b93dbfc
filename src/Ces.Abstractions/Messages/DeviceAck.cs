using Orleans;

namespace Ces.Abstractions.Messages;

/// <summary>The device's answer to one tenant write.</summary>
[GenerateSerializer, Immutable, Alias("ces.DeviceAck")]
public sealed record DeviceAck(string Tenant, long WriteId, WriteOutcome Outcome, string Message, DateTimeOffset AckedAt);

/// <summary>How a tenant write ended.</summary>
public enum WriteOutcome
{
    /// <summary>The device now holds the tenant as written.</summary>
    Applied,

    /// <summary>The device already held it (AS3 "no change").</summary>
    Unchanged,

    /// <summary>The device refused it (AS3 422, "declaration failed"); it keeps its previous state.</summary>
    Rejected,
}
