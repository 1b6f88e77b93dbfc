namespace Ces.Grains.Explain;

/// <summary>Where the flow comes from: the pod (when known), its address, namespace, tenant and route domain.</summary>
/// <param name="Pod">The pod's name; null when the source was given as an address no pod holds.</param>
/// <param name="Tenant">The BIG-IP tenant of the namespace; null when no tenant maps it.</param>
public sealed record ExplainedSource(string Input, string Ip, string? Namespace, string? Pod, string? Tenant, int RouteDomain);
