namespace Ces.Grains.Evaluator;

/// <summary>A flow parsed once into numbers, so each rule check is integer comparison.</summary>
/// <param name="Protocol">The protocol's id in <see cref="ProtocolIds"/>; <see cref="ProtocolIds.Unknown"/> if no rule names it.</param>
internal readonly record struct FlowKey(IpKey Source, IpKey Destination, int RouteDomain, int Protocol, int? Port, int? SourcePort);
