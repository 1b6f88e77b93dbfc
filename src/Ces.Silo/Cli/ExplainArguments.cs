namespace Ces.Silo.Cli;

/// <summary>What <c>ces explain</c> was asked: the flow, and offline inputs or a running CES.</summary>
public sealed record ExplainArguments(string From, string To, string? ConfigFile, string? Manifests, Uri? Server, bool Json);
