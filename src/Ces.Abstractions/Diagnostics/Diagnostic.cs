using Orleans;

namespace Ces.Abstractions.Diagnostics;

/// <summary>How bad a diagnostic is: errors leave the object out, warnings only inform.</summary>
public enum DiagnosticSeverity
{
    Warning,
    Error,
}

/// <summary>A problem found in input: which object and field, what is wrong, and where it was read from.</summary>
/// <param name="Subject">The object, e.g. <c>ServiceEgressRule default/rule4</c>, or the config file.</param>
/// <param name="Field">The field path, e.g. <c>spec.ports[1].protocol</c>; empty when the whole object is meant.</param>
/// <param name="Location">File and line, when the input came from a file.</param>
[GenerateSerializer, Immutable, Alias("ces.Diagnostic")]
public sealed record Diagnostic(DiagnosticSeverity Severity, string Subject, string Field, string Message, SourceLocation? Location = null)
{
    public static Diagnostic Error(string subject, string field, string message, SourceLocation? location = null) =>
        new(DiagnosticSeverity.Error, subject, field, message, location);

    public static Diagnostic Warning(string subject, string field, string message, SourceLocation? location = null) =>
        new(DiagnosticSeverity.Warning, subject, field, message, location);

    public bool IsError => Severity == DiagnosticSeverity.Error;

    public override string ToString()
    {
        var where = Location is { } location ? $"{location}: " : "";
        var what = Field.Length == 0 ? Subject : $"{Subject} {Field}";
        return $"{where}{(IsError ? "error" : "warning")}: {what}: {Message}";
    }
}

/// <summary>A position in an input file (1-based line).</summary>
[GenerateSerializer, Immutable, Alias("ces.SourceLocation")]
public sealed record SourceLocation(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}
