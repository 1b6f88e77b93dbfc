namespace Ces.Silo.Manifests;

/// <summary>Reads manifests from a file or a folder tree (<c>*.yaml</c>, <c>*.yml</c>, <c>*.json</c>) into one result.</summary>
public static class ManifestFolder
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    /// <summary>Reads <paramref name="path"/>; files are taken in ordinal path order so results never depend on the file system.</summary>
    public static ManifestReadResult Read(string path, string defaultNamespace = ManifestReader.DefaultNamespace)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var collector = new ManifestCollector();
        foreach (var file in Files(path))
            ManifestReader.ReadInto(collector, File.ReadAllText(file), file, defaultNamespace);
        return collector.Build();
    }

    public static IReadOnlyList<string> Files(string path)
    {
        if (File.Exists(path))
            return [path];
        if (!Directory.Exists(path))
            throw new DirectoryNotFoundException($"Manifest path {path} is neither a file nor a folder");
        return Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Where(file => Extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
