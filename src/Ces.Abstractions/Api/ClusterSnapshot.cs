using Ces.Abstractions.Collections;

namespace Ces.Abstractions.Api;

/// <summary>Everything the compiler reads from the cluster: the CES objects and the observed sources.</summary>
public sealed record ClusterSnapshot(
    EquatableArray<ExternalService> ExternalServices,
    EquatableArray<EgressRule> Rules,
    EquatableArray<NamespaceObject> Namespaces,
    EquatableArray<PodObject> Pods,
    EquatableArray<EndpointSliceObject> EndpointSlices)
{
    public static ClusterSnapshot Empty { get; } = new([], [], [], [], []);
}
