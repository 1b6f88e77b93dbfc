using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Ces.Grains.As3;

/// The AS3 schemas of one directory, each loaded on first use and kept, chosen by a declaration's schemaVersion.
public sealed class As3SchemaSet
{
    public const string DirectoryVariable = "CES_AS3_SCHEMA_DIR";
    public const string Schema329File = "as3-schema-3.29.0-3.json";
    public const string Schema356File = "as3-schema-3.56.0-10.json";

    private static readonly Lazy<As3SchemaSet> LazyDefault = new(() => new As3SchemaSet(FindSchemaDirectory()), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ConcurrentDictionary<string, Lazy<As3SchemaValidator>> _validators = new(StringComparer.Ordinal);

    public As3SchemaSet(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"AS3 schema directory '{directory}' does not exist; set {DirectoryVariable} to the folder holding {Schema356File}.");
        SchemaDirectory = directory;
    }

    /// <summary>The set found by <see cref="FindSchemaDirectory"/>, created on first use.</summary>
    public static As3SchemaSet Default => LazyDefault.Value;

    public string SchemaDirectory { get; }

    /// <summary>
    /// <c>CES_AS3_SCHEMA_DIR</c> if set, else the first <c>shared/as3/schema</c> found beside
    /// <see cref="AppContext.BaseDirectory"/> or one of its ancestors.
    /// </summary>
    public static string FindSchemaDirectory()
    {
        var configured = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (Directory.Exists(configured))
                return Path.GetFullPath(configured);
            throw new DirectoryNotFoundException($"{DirectoryVariable} is set to '{configured}', which does not exist.");
        }

        var looked = new List<string>();
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "as3", "schema");
            looked.Add(candidate);
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException(
            $"No AS3 schema directory found: {DirectoryVariable} is not set and none of these exist: {string.Join(", ", looked)}. "
            + $"Set {DirectoryVariable} to the folder holding {Schema356File}.");
    }

    /// <summary>The 3.29 schema for schemaVersion ≤ 3.29 (numeric comparison: 3.9 &lt; 3.29), else the 3.56 schema.</summary>
    public static string SchemaFileFor(string? schemaVersion) =>
        TryParseMinor(schemaVersion, out var major, out var minor) && (major < 3 || major == 3 && minor <= 29)
            ? Schema329File
            : Schema356File;

    public As3SchemaValidator ForSchemaVersion(string? schemaVersion) => Get(SchemaFileFor(schemaVersion));

    /// <summary>The validator for a bare ADC declaration or an AS3 request wrapping one.</summary>
    public As3SchemaValidator ForDeclaration(JsonNode declaration)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        return ForSchemaVersion(SchemaVersionOf(declaration));
    }

    public As3SchemaValidator Get(string schemaFile)
    {
        ArgumentException.ThrowIfNullOrEmpty(schemaFile);
        var lazy = _validators.GetOrAdd(schemaFile, file => new Lazy<As3SchemaValidator>(
            () => As3SchemaValidator.Load(Path.Combine(SchemaDirectory, file)), LazyThreadSafetyMode.ExecutionAndPublication));
        return lazy.Value;
    }

    internal static string? SchemaVersionOf(JsonNode declaration)
    {
        var adc = declaration is JsonObject request && request["declaration"] is JsonObject inner ? inner : declaration;
        return adc is JsonObject obj && obj["schemaVersion"] is JsonValue value && value.TryGetValue<string>(out var version)
            ? version
            : null;
    }

    private static bool TryParseMinor(string? version, out int major, out int minor)
    {
        major = minor = 0;
        var parts = (version ?? "").Split('.');
        return parts.Length >= 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out major)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out minor);
    }
}
