namespace Ces.Grains.Evaluator;

/// <summary>A packet's first-packet view: who sends, in which route domain, to where, by which protocol and port.</summary>
/// <param name="Protocol">An IANA keyword such as <c>tcp</c>, <c>udp</c> or <c>icmp</c>.</param>
/// <param name="Port">The destination port; null for protocols without ports.</param>
/// <param name="SourcePort">The source port, only needed against rules that constrain it.</param>
public sealed record Flow(string SourceIp, int RouteDomain, string DestinationIp, string Protocol, int? Port, int? SourcePort = null);
