namespace Ces.BigIp.Simulator.State;

/// Where an AS3 item sits while it is parsed: its tenant and application resolve bare pointers.
internal sealed record ItemContext(string Tenant, string App, string Path, string Class)
{
    public string? Reference(System.Text.Json.Nodes.JsonNode? node) => As3Json.Reference(node, Tenant, App);
}
