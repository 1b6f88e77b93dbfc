using Ces.Abstractions.Api;
using Ces.Abstractions.Collections;
using Orleans;

namespace Ces.Abstractions.Messages;

/// <summary>A namespace's whole observed state: its object, the IPs of its running pods, and the ready endpoints of its Services.</summary>
/// <param name="Namespace">Null when the Namespace object is not (or no longer) there.</param>
[GenerateSerializer, Immutable, Alias("ces.NamespaceObservation")]
public sealed record NamespaceObservation(
    NamespaceObject? Namespace,
    EquatableArray<string> PodAddresses,
    EquatableArray<ServiceEndpoints> Services,
    DateTimeOffset ObservedAt);

/// <summary>The ready endpoint addresses of one Service, sorted.</summary>
[GenerateSerializer, Immutable, Alias("ces.ServiceEndpoints")]
public sealed record ServiceEndpoints(string Service, EquatableArray<string> Addresses);
