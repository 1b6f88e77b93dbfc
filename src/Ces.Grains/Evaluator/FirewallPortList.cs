using Ces.Abstractions.Collections;

namespace Ces.Grains.Evaluator;

/// <summary>An AFM port list: ports and ranges (<c>"53"</c>, <c>"8080-8090"</c>) and nested lists by path.</summary>
public sealed record FirewallPortList(string Path, EquatableArray<string> Ports, EquatableArray<string> PortLists = default);
