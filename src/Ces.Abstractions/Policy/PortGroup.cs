using Ces.Abstractions.Collections;
using Orleans;

namespace Ces.Abstractions.Policy;

/// <summary>The ports of one ExternalService that share a protocol and bandwidth iRule: one AFM rule.</summary>
/// <param name="Key">The name suffix: the protocol, a port entry's name (bandwidth entries), or <c>any</c>.</param>
/// <param name="Protocol">Null for the <c>any</c> group.</param>
/// <param name="Ports">Empty means every port of the protocol (no port list).</param>
[GenerateSerializer, Immutable, Alias("ces.PortGroup")]
public sealed record PortGroup(string Key, string? Protocol, EquatableArray<string> Ports, string? Bandwidth);
