namespace Ces.BigIp.Simulator.State;

/// One deployed tenant: the declaration AS3 stored (canonical JSON), the config it declared and the config now live.
/// <remarks>iControl writes change <see cref="Live"/> only, as on a real device; the next AS3 POST restores <see cref="Declared"/>.</remarks>
public sealed record TenantRecord(string Name, string DeclarationJson, string LockKey, TenantConfig Declared, TenantConfig Live)
{
    public bool HasDrifted => Declared != Live;
}
