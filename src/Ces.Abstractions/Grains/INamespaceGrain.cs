using Ces.Abstractions.Messages;
using Orleans;

namespace Ces.Abstractions.Grains;

/// <summary>One Kubernetes namespace: its pods' IPs and its Services' endpoints, turned into the sources its rules use.</summary>
[Alias("ces.INamespaceGrain")]
public interface INamespaceGrain : IGrainWithStringKey
{
    /// <summary>Sets the namespace's whole observed state; changed sources go on to the partitions that use them.</summary>
    [Alias("SetObserved")]
    Task SetObservedAsync(NamespaceObservation observation);
}
