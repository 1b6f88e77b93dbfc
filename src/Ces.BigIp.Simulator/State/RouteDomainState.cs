namespace Ces.BigIp.Simulator.State;

/// A `net route-domain`; AS3 cannot create these, so they come from options, the control API or iControl.
public sealed record RouteDomainState(string Path, int Id, string? FwEnforcedPolicy, string? FwStagedPolicy = null)
{
    public string Partition => Path.Split('/', StringSplitOptions.RemoveEmptyEntries)[0];

    public string Name => Path[(Path.LastIndexOf('/') + 1)..];
}
