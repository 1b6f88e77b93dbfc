using System.Globalization;
using Ces.Abstractions.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Ces.Silo.Manifests;

/// <summary>Typed reads from YAML nodes for one subject; every problem becomes a diagnostic with the node's line.</summary>
internal sealed class YamlScope(string file, string subject, List<Diagnostic> diagnostics)
{
    public string File => file;

    public string Subject => subject;

    public bool HasErrors { get; private set; }

    public SourceLocation At(YamlNode node) => new(file, checked((int)node.Start.Line));

    public void Error(string field, YamlNode node, string message)
    {
        HasErrors = true;
        diagnostics.Add(Diagnostic.Error(subject, field, message, At(node)));
    }

    public void Warning(string field, YamlNode node, string message) =>
        diagnostics.Add(Diagnostic.Warning(subject, field, message, At(node)));

    public static YamlNode? Get(YamlMappingNode? map, string key) =>
        map is not null && map.Children.TryGetValue(new YamlScalarNode(key), out var value) && !YamlScalars.IsNull(value) ? value : null;

    /// <summary>Reports every key of <paramref name="map"/> not in <paramref name="allowed"/>.</summary>
    public void OnlyKeys(YamlMappingNode map, string path, IReadOnlyCollection<string> allowed, Func<string, string?>? hint = null)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(name))
                Error(Join(path, name), key, $"unknown key '{name}'{hint?.Invoke(name)}");
        }
    }

    public void Require(YamlMappingNode map, string path, string key)
    {
        if (Get(map, key) is null)
            Error(Join(path, key), map, $"'{key}' is required");
    }

    public YamlMappingNode? Mapping(YamlNode? node, string field) => Expect<YamlMappingNode>(node, field, "a mapping");

    public YamlSequenceNode? Sequence(YamlNode? node, string field) => Expect<YamlSequenceNode>(node, field, "a list");

    public string? String(YamlNode? node, string field, bool acceptNumbers = false)
    {
        if (YamlScalars.IsNull(node))
            return null;
        if (node is YamlScalarNode scalar && (YamlScalars.IsString(scalar) || (acceptNumbers && YamlScalars.IsInteger(scalar))))
            return scalar.Value ?? "";
        Error(field, node!, $"expected a string, got {YamlScalars.TypeName(node!)}");
        return null;
    }

    public bool? Bool(YamlNode? node, string field)
    {
        if (YamlScalars.IsNull(node))
            return null;
        if (YamlScalars.AsBool(node!) is { } value)
            return value;
        Error(field, node!, $"expected true or false, got {YamlScalars.TypeName(node!)}");
        return null;
    }

    public long? Integer(YamlNode? node, string field)
    {
        if (YamlScalars.IsNull(node))
            return null;
        if (YamlScalars.IsInteger(node!) && long.TryParse(((YamlScalarNode)node!).Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            return value;
        Error(field, node!, $"expected an integer, got {YamlScalars.TypeName(node!)}");
        return null;
    }

    public List<string>? StringList(YamlNode? node, string field)
    {
        if (Sequence(node, field) is not { } list)
            return null;
        var items = new List<string>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            if (String(list.Children[i], $"{field}[{i}]") is { } item)
                items.Add(item);
            else if (YamlScalars.IsNull(list.Children[i]))
                Error($"{field}[{i}]", list.Children[i], "expected a string, got null");
        }
        return items;
    }

    public Dictionary<string, string>? StringMap(YamlNode? node, string field)
    {
        if (Mapping(node, field) is not { } map)
            return null;
        var items = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            items[name] = YamlScalars.IsNull(value) ? "" : String(value, Join(field, name)) ?? "";
        }
        return items;
    }

    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private T? Expect<T>(YamlNode? node, string field, string expected) where T : YamlNode
    {
        if (YamlScalars.IsNull(node))
            return null;
        if (node is T typed)
            return typed;
        Error(field, node!, $"expected {expected}, got {YamlScalars.TypeName(node!)}");
        return null;
    }
}
