namespace Ces.Grains.Evaluator;

/// <summary>A virtual server as the firewall sees it: where it listens and the policies on its context.</summary>
/// <param name="Destination">An address or CIDR (may carry <c>%id</c>); <c>0.0.0.0</c>, <c>0.0.0.0/0</c>, <c>::</c> and <c>::/0</c> listen on any address.</param>
/// <param name="Port">0 listens on any port.</param>
/// <param name="Layer4"><c>any</c>, <c>tcp</c>, <c>udp</c> or another IANA keyword.</param>
public sealed record FirewallVirtualServer(
    string Path,
    int RouteDomain,
    string Destination,
    int Port,
    string Layer4,
    string? EnforcedPolicy,
    string? StagedPolicy = null);
