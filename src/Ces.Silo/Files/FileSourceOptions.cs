namespace Ces.Silo.Files;

/// <summary>Where the file source reads manifests and how often it rescans and resyncs.</summary>
public sealed record FileSourceOptions(string Manifests, string ConfigFile, TimeSpan RescanInterval, TimeSpan ResyncInterval);
