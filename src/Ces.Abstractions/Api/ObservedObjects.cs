using Ces.Abstractions.Collections;
using Orleans;

namespace Ces.Abstractions.Api;

/// <summary>A Kubernetes Namespace as CES sees it: name and annotations (Kube-OVN's CIDR among them).</summary>
[GenerateSerializer, Immutable, Alias("ces.NamespaceObject")]
public sealed record NamespaceObject(ObjectMeta Metadata)
{
    public string Name => Metadata.Name;
}

/// <summary>A Pod as CES sees it: where it runs and the IPs it was given.</summary>
[GenerateSerializer, Immutable, Alias("ces.PodObject")]
public sealed record PodObject(ObjectMeta Metadata, string? Phase, bool HostNetwork, EquatableArray<string> PodIPs)
{
    /// <summary>Whether the pod's IPs belong to the pod itself and it can still send traffic.</summary>
    /// <remarks>A host-network pod's IP is its node's, so listing it would open the whole node; finished pods hold no IP.</remarks>
    public bool ContributesSourceAddresses => !HostNetwork && Phase is not ("Succeeded" or "Failed");
}

/// <summary>An EndpointSlice as CES sees it: the Service it belongs to and its endpoints.</summary>
[GenerateSerializer, Immutable, Alias("ces.EndpointSliceObject")]
public sealed record EndpointSliceObject(ObjectMeta Metadata, string ServiceName, EquatableArray<EndpointEntry> Endpoints);

/// <summary>One endpoint of a slice; a null <see cref="Ready"/> means ready, as the EndpointSlice API defines it.</summary>
[GenerateSerializer, Immutable, Alias("ces.EndpointEntry")]
public sealed record EndpointEntry(EquatableArray<string> Addresses, bool? Ready)
{
    public bool IsReady => Ready ?? true;
}
