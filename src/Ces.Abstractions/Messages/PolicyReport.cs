using Orleans;

namespace Ces.Abstractions.Messages;

/// <summary>What a partition learned about one rule after a device write: the status it should show.</summary>
[GenerateSerializer, Immutable, Alias("ces.PolicyReport")]
public sealed record PolicyReport(string Phase, string Reason, string Message, string Device, int SourceAddresses, int DestinationAddresses, DateTimeOffset At);
