namespace Ces.Grains.As3;

/// Outcome of validating one declaration against an AS3 JSON schema; errors read `"<instancePath>: <message>"`.
public sealed record As3SchemaResult(bool IsValid, IReadOnlyList<string> Errors)
{
    public static As3SchemaResult Valid { get; } = new(true, []);
}
