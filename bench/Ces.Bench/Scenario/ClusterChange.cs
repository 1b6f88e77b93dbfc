namespace Ces.Bench.Scenario;

/// <summary>One source event: what changed, the tenant it lands in, and when the source observed it.</summary>
public sealed record ClusterChange(ChangeKind Kind, string Tenant, DateTimeOffset ObservedAt);
