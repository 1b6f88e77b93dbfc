using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ces.Abstractions.Config;
using YamlDotNet.RepresentationModel;

namespace Ces.Silo.Manifests;

public static partial class ConfigReader
{
    /// <summary>A name AS3 accepts for a tenant or a prefix of object names; checked here so AS3 never rejects it later.</summary>
    private static string? Name(YamlScope scope, YamlNode? node, string field)
    {
        var name = scope.String(node, field, acceptNumbers: true);
        if (name is not null && (!NamePattern().IsMatch(name) || name.EndsWith('-')))
            scope.Error(field, node!, $"'{name}' is not a valid AS3 name: start with a letter, then letters, digits, '_', '.' or '-', not ending in '-'");
        return name;
    }

    private static string SchemaVersion(YamlScope scope, YamlNode? node)
    {
        var version = scope.String(node, "schemaVersion", acceptNumbers: true) ?? CesConfig.DefaultSchemaVersion;
        if (!SchemaVersionPattern().IsMatch(version))
            scope.Error("schemaVersion", node!, $"'{version}' is not an AS3 schema version such as {CesConfig.DefaultSchemaVersion}");
        return version;
    }

    /// <summary>The template text as written, after checking it is a JSON object (CES 0.5 fell back silently when it was not).</summary>
    private static string JsonTemplate(YamlScope scope, YamlNode? node, string field)
    {
        if (scope.String(node, field) is not { Length: > 0 } text || text.Trim().Length == 0)
            return "";
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                scope.Error(field, node!, $"the template must be a JSON object, got {document.RootElement.ValueKind}");
        }
        catch (JsonException exception)
        {
            scope.Error(field, node!, $"the template is not valid JSON: {exception.Message}");
        }
        return text;
    }

    private static List<string> IpList(YamlScope scope, YamlNode? node, string field)
    {
        var items = scope.StringList(node, field) ?? [];
        var nodes = (node as YamlSequenceNode)?.Children ?? [];
        for (var i = 0; i < items.Count && i < nodes.Count; i++)
        {
            if (!IsIp(items[i]))
                scope.Error($"{field}[{i}]", nodes[i], $"'{items[i]}' is not an IP address");
        }
        return items;
    }

    private static bool IsIp(string text) => IPAddress.TryParse(text, out _) && !text.Contains('/', StringComparison.Ordinal);

    /// <summary>ip, ip:port, [v6]:port or a bare v6 address, as the log pool members are written.</summary>
    private static bool IsEndpoint(string text)
    {
        if (IsIp(text))
            return true;
        var match = EndpointPattern().Match(text);
        return match.Success
            && IsIp(match.Groups["v6"].Success ? match.Groups["v6"].Value : match.Groups["v4"].Value)
            && (match.Groups["v4"].Success ? !match.Groups["v4"].Value.Contains(':', StringComparison.Ordinal) : true)
            && int.TryParse(match.Groups["port"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            && port is >= 1 and <= 65535;
    }

    [GeneratedRegex("^[A-Za-z][0-9A-Za-z_.-]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[0-9]+\.[0-9]+\.[0-9]+$")]
    private static partial Regex SchemaVersionPattern();

    [GeneratedRegex(@"^(\[(?<v6>[^\]]+)\]|(?<v4>[^:\[\]]+)):(?<port>[0-9]{1,5})$")]
    private static partial Regex EndpointPattern();
}
