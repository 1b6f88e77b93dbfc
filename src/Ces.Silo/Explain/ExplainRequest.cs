namespace Ces.Silo.Explain;

/// <summary>The body of <c>POST /api/v1/explain</c>: the source (<c>NAMESPACE/POD</c> or IP) and destination (<c>HOST:PORT/PROTO</c>).</summary>
public sealed record ExplainRequest(string? From, string? To);
