namespace Ces.Grains.Explain;

/// <summary>Where the flow goes: an address or a DNS name, the protocol and the port.</summary>
/// <param name="Ip">The address evaluated; for a DNS name, a stand-in address that only the name's entries match.</param>
/// <param name="Fqdn">The DNS name, when one was given.</param>
/// <param name="Port">Null for protocols without ports.</param>
public sealed record ExplainedDestination(string Input, string Ip, string? Fqdn, string Protocol, int? Port)
{
    public override string ToString() => $"{Fqdn ?? Ip}{(Port is { } port ? ":" + port : "")}/{Protocol}";
}
