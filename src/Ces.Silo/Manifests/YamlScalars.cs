using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Ces.Silo.Manifests;

/// <summary>How a YAML scalar resolves under the YAML 1.2 core schema, which is what Kubernetes' decoder applies.</summary>
internal static partial class YamlScalars
{
    public static bool IsNull(YamlNode? node) =>
        node is null || node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    public static string TypeName(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode scalar when IsNull(scalar) => "null",
        YamlScalarNode { Style: not ScalarStyle.Plain } => "a string",
        YamlScalarNode { Value: var value } when IsBool(value) => "a boolean",
        YamlScalarNode { Value: var value } when IntPattern().IsMatch(value ?? "") => "an integer",
        YamlScalarNode { Value: var value } when FloatPattern().IsMatch(value ?? "") => "a number",
        YamlScalarNode => "a string",
        _ => "an alias",
    };

    public static bool IsString(YamlNode node) => TypeName(node) == "a string";

    public static bool IsInteger(YamlNode node) => TypeName(node) == "an integer";

    public static bool? AsBool(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: var value } && IsBool(value)
            ? value is "true" or "True" or "TRUE"
            : null;

    private static bool IsBool(string? value) => value is "true" or "True" or "TRUE" or "false" or "False" or "FALSE";

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$|^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$")]
    private static partial Regex FloatPattern();
}
