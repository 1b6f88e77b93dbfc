using Ces.Abstractions.Diagnostics;
using Ces.Silo.Manifests;

namespace Ces.Silo.Tests.Manifests;

public sealed class ManifestDocumentTests
{
    private const string File = "m.yaml";

    private static ManifestReadResult Read(string yaml) => ManifestReader.Read(yaml, File);

    private static Diagnostic SingleError(ManifestReadResult result) => Assert.Single(result.Errors);

    [Fact]
    public void Empty_documents_and_comments_are_skipped()
    {
        var result = Read("---\n# nothing\n---\n\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n");

        Assert.Empty(result.Diagnostics);
        Assert.Equal("a", Assert.Single(result.Snapshot.Namespaces).Name);
    }

    [Fact]
    public void List_kind_items_are_read_with_their_own_lines()
    {
        var result = Read("""
            apiVersion: v1
            kind: List
            items:
              - apiVersion: v1
                kind: Namespace
                metadata: {name: a}
              - apiVersion: kubeovn.io/v1alpha1
                kind: ExternalService
                metadata: {name: x}
                spec: {addresses: [1.1.1.1], bogus: 1}
            """);

        Assert.Single(result.Snapshot.Namespaces);
        var error = SingleError(result);
        Assert.Equal(new SourceLocation(File, 10), error.Location);
        Assert.Equal("ExternalService default/x", error.Subject);
    }

    [Fact]
    public void Other_kinds_are_skipped_with_a_warning()
    {
        var result = Read("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec: {replicas: 2}\n");

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Warning, "Deployment shop/web", 1), (warning.Severity, warning.Subject, warning.Location!.Line));
        Assert.StartsWith("ignored: CES does not read Deployment", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Syntax_error_is_reported_with_its_line_and_other_documents_are_still_read()
    {
        var result = Read("apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: [b\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: c}\n");

        var error = SingleError(result);
        Assert.Equal((File, ""), (error.Subject, error.Field));
        Assert.InRange(error.Location!.Line, 7, 8);
        Assert.StartsWith("YAML syntax error", error.Message, StringComparison.Ordinal);
        Assert.Equal(["a", "c"], result.Snapshot.Namespaces.Select(n => n.Name));
    }

    [Fact]
    public void Duplicate_objects_are_an_error_naming_both_locations()
    {
        var ns = "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n";
        var result = Read(ns + "---\n" + ns);

        var error = SingleError(result);
        Assert.Equal(("Namespace a", 5), (error.Subject, error.Location!.Line));
        Assert.Contains("m.yaml:1 and m.yaml:5", error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Snapshot.Namespaces);
    }

    [Fact]
    public void An_object_with_an_error_is_left_out_and_others_are_kept()
    {
        var result = Read("apiVersion: kubeovn.io/v1alpha1\nkind: ExternalService\nmetadata: {name: bad}\nspec: {addresses: 1.1.1.1}\n---\napiVersion: kubeovn.io/v1alpha1\nkind: ExternalService\nmetadata: {name: good}\nspec: {addresses: [1.1.1.1]}\n");

        Assert.Equal(("spec.addresses", 4), (SingleError(result).Field, SingleError(result).Location!.Line));
        Assert.Equal("good", Assert.Single(result.Snapshot.ExternalServices).Metadata.Name);
    }

    [Fact]
    public void Document_that_is_not_a_mapping_is_an_error_against_the_file()
    {
        var error = SingleError(Read("- a\n- b\n"));

        Assert.Equal((File, 1), (error.Subject, error.Location!.Line));
    }

    [Fact]
    public void Wrong_apiVersion_for_a_CES_kind_is_an_error()
    {
        var error = SingleError(Read("apiVersion: kubeovn.io/v1\nkind: ExternalService\nmetadata: {name: e}\nspec: {addresses: [1.1.1.1]}\n"));

        Assert.Equal(("ExternalService default/e", "apiVersion", 1), (error.Subject, error.Field, error.Location!.Line));
    }

    [Fact]
    public void Diagnostics_come_out_in_file_order()
    {
        var result = Read("apiVersion: v1\nkind: Namespace\nmetadata: {name: [x}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: a, labels: {k: [v]}}\n");

        Assert.Equal([3, 7], result.Diagnostics.Select(d => d.Location!.Line));
    }
}
