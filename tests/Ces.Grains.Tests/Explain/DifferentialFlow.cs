namespace Ces.Grains.Tests.Explain;

/// <summary>One generated flow: <c>NAMESPACE/POD</c> or an IP, to an address or DNS name, protocol and port.</summary>
internal sealed record DifferentialFlow(string From, string Destination, string Protocol, int? Port)
{
    public string To => $"{(Destination.Contains(':', StringComparison.Ordinal) ? $"[{Destination}]" : Destination)}{(Port is { } p ? ":" + p : "")}/{Protocol}";

    public override string ToString() => $"{From} → {To}";
}
