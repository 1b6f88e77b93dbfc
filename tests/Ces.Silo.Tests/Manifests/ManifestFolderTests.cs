using Ces.Abstractions.Api;
using Ces.Silo.Manifests;

namespace Ces.Silo.Tests.Manifests;

public sealed class ManifestFolderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ces-manifests-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Folder_is_read_recursively_in_ordinal_path_order_and_skips_other_files()
    {
        Write("b/ns.yml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n");
        Write("a.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n");
        Write("c.json", """{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "c"}}""");
        Write("README.md", "not: [yaml");

        var result = ManifestFolder.Read(_root);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["a", "b", "c"], result.Snapshot.Namespaces.Select(n => n.Name));
        Assert.Equal(new SourceLocationView(Path.Combine(_root, "b", "ns.yml"), 1), View(result.LocationOf(new ObjectRef("Namespace", "", "b"))));
    }

    [Fact]
    public void Duplicate_across_files_names_both_files()
    {
        var first = Write("one.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n");
        var second = Write("two.yaml", "# again\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n");

        var error = Assert.Single(ManifestFolder.Read(_root).Errors);

        Assert.Equal(new SourceLocationView(second, 2), View(error.Location));
        Assert.Contains($"{first}:1 and {second}:2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_in_one_file_keeps_the_objects_of_the_others()
    {
        var bad = Write("bad.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: [x}\n");
        Write("good.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: good}\n");

        var result = ManifestFolder.Read(_root);

        Assert.Equal(bad, Assert.Single(result.Errors).Location!.File);
        Assert.Equal("good", Assert.Single(result.Snapshot.Namespaces).Name);
    }

    [Fact]
    public void A_single_file_can_be_read()
    {
        var path = Write("only.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n");

        Assert.Single(ManifestFolder.Read(path).Snapshot.Namespaces);
    }

    private static SourceLocationView? View(Ces.Abstractions.Diagnostics.SourceLocation? location) =>
        location is null ? null : new SourceLocationView(location.File, location.Line);

    private sealed record SourceLocationView(string File, int Line);
}
