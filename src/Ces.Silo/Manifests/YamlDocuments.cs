using Ces.Abstractions.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Ces.Silo.Manifests;

/// <summary>Splits YAML text into documents and parses each alone, so a syntax error costs only its own document.</summary>
internal static class YamlDocuments
{
    /// <summary>The root node of every non-empty document, lazily, so diagnostics come out in file order.</summary>
    public static IEnumerable<YamlNode> Parse(string text, string file, string subject, List<Diagnostic> diagnostics)
    {
        // The whole file at once in the usual case: parsing each document padded to its line is quadratic in the file's length.
        if (TryParseWhole(text) is { } roots)
        {
            foreach (var root in roots)
                yield return root;
            yield break;
        }
        foreach (var (firstLine, chunk) in Split(text))
        {
            foreach (var root in ParseChunk(firstLine, chunk, file, subject, diagnostics))
                yield return root;
        }
    }

    private static List<YamlNode>? TryParseWhole(string text)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return [.. stream.Documents.Select(d => d.RootNode).Where(root => !YamlScalars.IsNull(root))];
        }
        catch (YamlException)
        {
            return null;
        }
    }

    private static List<YamlNode> ParseChunk(int firstLine, string chunk, string file, string subject, List<Diagnostic> diagnostics)
    {
        // Leading newlines keep the parser's line numbers equal to the file's.
        var padded = new string('\n', firstLine - 1) + chunk;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(padded));
            return [.. stream.Documents.Select(d => d.RootNode).Where(root => !YamlScalars.IsNull(root))];
        }
        catch (YamlException exception)
        {
            diagnostics.Add(Diagnostic.Error(subject, "", $"YAML syntax error: {Trim(exception.Message)}", new SourceLocation(file, (int)exception.Start.Line)));
            return [];
        }
    }

    private static IEnumerable<(int FirstLine, string Text)> Split(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var start = 0;
        for (var i = 1; i <= lines.Length; i++)
        {
            if (i < lines.Length && !IsDocumentStart(lines[i]))
                continue;
            yield return (start + 1, string.Join('\n', lines[start..i]));
            start = i;
        }
    }

    private static bool IsDocumentStart(string line) =>
        line.StartsWith("---", StringComparison.Ordinal) && (line.Length == 3 || char.IsWhiteSpace(line[3]));

    private static string Trim(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 1, Idx: 20) - (Line: ...): "; the location is reported separately.
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 ? message[(cut + 3)..] : message;
    }
}
