using System.Text.Json.Nodes;
using Ces.Grains.As3;

namespace Ces.Grains.Tests.As3;

public sealed class As3SchemaSetTests
{
    [Theory]
    [InlineData("3.0.0", As3SchemaSet.Schema329File)]
    [InlineData("3.9.0", As3SchemaSet.Schema329File)]
    [InlineData("3.29", As3SchemaSet.Schema329File)]
    [InlineData("3.29.0", As3SchemaSet.Schema329File)]
    [InlineData("3.30.0", As3SchemaSet.Schema356File)]
    [InlineData("3.56.0", As3SchemaSet.Schema356File)]
    [InlineData("garbage", As3SchemaSet.Schema356File)]
    [InlineData(null, As3SchemaSet.Schema356File)]
    public void Schema_is_chosen_by_numeric_schema_version(string? version, string expected)
    {
        Assert.Equal(expected, As3SchemaSet.SchemaFileFor(version));
    }

    [Fact]
    public void Schema_version_is_read_through_a_request_wrapper()
    {
        var request = new JsonObject { ["class"] = "AS3", ["declaration"] = new JsonObject { ["class"] = "ADC", ["schemaVersion"] = "3.10.0" } };

        Assert.Same(As3SchemaSet.Default.Get(As3SchemaSet.Schema329File), As3SchemaSet.Default.ForDeclaration(request));
    }

    [Fact]
    public void Each_schema_is_loaded_once()
    {
        Assert.Same(As3SchemaSet.Default.ForSchemaVersion("3.56.0"), As3SchemaSet.Default.ForSchemaVersion("3.40.0"));
    }

    [Fact]
    public void Schema_directory_is_found_for_the_test_run()
    {
        Assert.True(File.Exists(Path.Combine(As3SchemaSet.FindSchemaDirectory(), As3SchemaSet.Schema356File)));
    }

    [Fact]
    public void Missing_schema_directory_names_the_environment_variable()
    {
        var missing = Path.Combine(Path.GetTempPath(), "ces-no-such-schema-dir");

        var error = Assert.Throws<DirectoryNotFoundException>(() => new As3SchemaSet(missing));

        Assert.Contains(As3SchemaSet.DirectoryVariable, error.Message, StringComparison.Ordinal);
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }
}
