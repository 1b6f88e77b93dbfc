using Ces.Abstractions.Collections;

namespace Ces.Abstractions.Api;

/// <summary>A named egress destination: addresses (IP, CIDR or DNS name) and optional port groups.</summary>
public sealed record ExternalService(ObjectMeta Metadata, ExternalServiceSpec Spec)
{
    public ObjectRef Ref => new(CesApi.ExternalServiceKind, Metadata.Namespace ?? "", Metadata.Name);
}

/// <summary>The spec of an <see cref="ExternalService"/>, as written (validated separately).</summary>
public sealed record ExternalServiceSpec(EquatableArray<string> Addresses, EquatableArray<ExternalServicePort> Ports);

/// <summary>One destination port entry: protocol, a port/range/comma list, and an optional bandwidth iRule.</summary>
public sealed record ExternalServicePort(string? Name, string? Protocol, string? Port, string? Bandwidth);
