using Ces.Abstractions.Api;
using Ces.Abstractions.Messages;
using Orleans;
using Orleans.Concurrency;

namespace Ces.Abstractions.Grains;

/// <summary>One egress rule (key <c>kind/namespace/name</c>): its spec, resolved ExternalServices and status.</summary>
[Alias("ces.IPolicyGrain")]
public interface IPolicyGrain : IGrainWithStringKey
{
    /// <summary>Sets the rule's whole current value; re-sent when an ExternalService it names appears, changes or goes.</summary>
    [Alias("SetSpec")]
    Task SetSpecAsync(PolicySpec spec);

    /// <summary>The rule is gone: revoke it.</summary>
    [Alias("Remove")]
    Task RemoveAsync(DateTimeOffset observedAt);

    /// <summary>The device outcome for the rule, from its partition; one-way, so a partition never waits on a rule.</summary>
    [Alias("Report"), OneWay]
    Task ReportAsync(PolicyReport report);

    [Alias("GetStatus"), AlwaysInterleave]
    Task<EgressRuleStatus?> GetStatusAsync();
}
