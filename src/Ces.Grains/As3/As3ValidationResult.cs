namespace Ces.Grains.As3;

/// Outcome of both validation steps for one declaration: schema errors first, then AS3's post-schema checks.
public sealed record As3ValidationResult(IReadOnlyList<string> SchemaErrors, IReadOnlyList<string> PostErrors)
{
    public bool IsValid => SchemaErrors.Count == 0 && PostErrors.Count == 0;

    public IEnumerable<string> AllErrors => SchemaErrors.Concat(PostErrors);
}
