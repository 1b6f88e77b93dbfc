namespace Ces.Grains.Explain;

/// <summary>The CES object behind an AFM rule: the egress rule, its scope, ExternalService and port group.</summary>
/// <param name="Namespace">Empty for a ClusterEgressRule.</param>
/// <param name="Mode"><c>enforce</c> or <c>staged</c>.</param>
/// <param name="ExternalService">The ExternalService as <c>namespace/name</c>.</param>
/// <param name="PortGroup">The port group's key (<c>tcp</c>, <c>udp</c>, a bandwidth entry's name, or <c>any</c>).</param>
/// <param name="Ports">The group's ports; empty means every port of its protocol.</param>
public sealed record ExplainedRule(
    string Kind,
    string Namespace,
    string Name,
    string Mode,
    string ExternalService,
    string PortGroup,
    string? Protocol,
    IReadOnlyList<string> Ports)
{
    public override string ToString() =>
        $"{Kind} {(Namespace.Length > 0 ? Namespace + "/" : "")}{Name}{(Mode == "staged" ? " (staged)" : "")}, ExternalService {ExternalService}, "
        + $"port group {PortGroup}{(Ports.Count > 0 ? $" ({Protocol} {string.Join(",", Ports)})" : Protocol is null ? "" : $" ({Protocol}, every port)")}";
}
