using System.Text.Json.Nodes;

namespace Ces.Grains.As3;

/// Validates a declaration the way AS3 would before touching a device: schema for its schemaVersion, then post checks.
public static class As3DeclarationValidator
{
    /// <summary>Uses <see cref="As3SchemaSet.Default"/>; throws if no schema directory can be found.</summary>
    public static As3ValidationResult Validate(JsonNode declaration) => Validate(declaration, As3SchemaSet.Default);

    public static As3ValidationResult Validate(JsonNode declaration, As3SchemaSet schemas)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        ArgumentNullException.ThrowIfNull(schemas);
        var schema = schemas.ForDeclaration(declaration).Validate(declaration);
        return new As3ValidationResult(schema.Errors, As3PostValidator.Validate(declaration));
    }
}
