using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Ces.Grains.Compiler;

/// <summary>CES's config templates (VS body, log objects): <c>{{tenant}}</c> and the <c>k8s</c> name prefix are tokens.</summary>
/// <remarks>
/// CES 0.5 replaced every "k8s" substring (bug 24), so an iRule named <c>k8s-foo</c> was renamed too. Here <c>k8s_</c> is
/// replaced only where a name starts: at the start of a JSON string or after a <c>/</c> in a path.
/// </remarks>
public static partial class As3Template
{
    public const string TenantToken = "{{tenant}}";

    public static string Substitute(string template, string master, string tenant) =>
        NamePrefix().Replace(template.Replace(TenantToken, tenant, StringComparison.Ordinal), "$1" + master + "_");

    /// <summary>Substitutes and parses a template that must be a JSON object; null with an error message otherwise.</summary>
    public static JsonObject? Render(string template, string master, string tenant, out string? error)
    {
        error = null;
        try
        {
            if (JsonNode.Parse(Substitute(template, master, tenant)) is JsonObject obj)
            {
                return obj;
            }
            error = "the template is not a JSON object";
        }
        catch (JsonException e)
        {
            error = $"the template is not valid JSON: {e.Message}";
        }
        return null;
    }

    [GeneratedRegex("(\"|/)k8s_")]
    private static partial Regex NamePrefix();
}
