using Ces.Abstractions.Policy;

namespace Ces.Grains.Compiler;

/// <summary>What looking up an ExternalService by namespace and name found: a valid destination, an invalid object, or nothing.</summary>
public readonly record struct ExternalServiceLookup(bool Exists, Destination? Destination)
{
    public static ExternalServiceLookup Missing => new(false, null);

    public static ExternalServiceLookup Of(Destination? destination) => new(true, destination);
}
