using Ces.Abstractions.Collections;
using Orleans;

namespace Ces.Abstractions.Api;

/// <summary>A named egress destination: addresses (IP, CIDR or DNS name) and optional port groups.</summary>
[GenerateSerializer, Immutable, Alias("ces.ExternalService")]
public sealed record ExternalService(ObjectMeta Metadata, ExternalServiceSpec Spec)
{
    public ObjectRef Ref => new(CesApi.ExternalServiceKind, Metadata.Namespace ?? "", Metadata.Name);
}

/// <summary>The spec of an <see cref="ExternalService"/>, as written (validated separately).</summary>
[GenerateSerializer, Immutable, Alias("ces.ExternalServiceSpec")]
public sealed record ExternalServiceSpec(EquatableArray<string> Addresses, EquatableArray<ExternalServicePort> Ports);

/// <summary>One destination port entry: protocol, a port/range/comma list, and an optional bandwidth iRule.</summary>
[GenerateSerializer, Immutable, Alias("ces.ExternalServicePort")]
public sealed record ExternalServicePort(string? Name, string? Protocol, string? Port, string? Bandwidth);
