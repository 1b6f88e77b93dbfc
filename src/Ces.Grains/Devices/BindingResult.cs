using Ces.Grains.Compiler;

namespace Ces.Grains.Devices;

/// <summary>What ensuring a context binding did: bound it, found it bound, refused to displace another policy, or failed.</summary>
public sealed record BindingResult(ContextBindingAction Action, string? BoundPolicy, string? Error = null)
{
    public bool Succeeded => Error is null && Action != ContextBindingAction.Conflict;
}
