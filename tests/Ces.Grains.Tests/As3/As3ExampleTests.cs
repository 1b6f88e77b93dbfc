using System.Text.Json.Nodes;
using Ces.Grains.As3;

namespace Ces.Grains.Tests.As3;

public sealed class As3ExampleTests
{
    private const int KnownExampleCount = 12;

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in ExampleFiles())
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Fact]
    public void All_F5_examples_are_found()
    {
        Assert.Equal(KnownExampleCount, ExampleFiles().Count);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void F5_example_is_valid_against_the_schema_for_its_version(string file)
    {
        var declaration = LoadExample(file);

        var result = As3SchemaSet.Default.ForDeclaration(declaration).Validate(declaration);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void F5_example_passes_the_post_schema_checks(string file)
    {
        var errors = As3PostValidator.Validate(LoadExample(file));

        Assert.Empty(errors);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void F5_example_passes_both_steps_in_one_call(string file)
    {
        var result = As3DeclarationValidator.Validate(LoadExample(file));

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.AllErrors));
    }

    [Fact]
    public void Controls_without_class_is_rejected_by_the_3_56_schema()
    {
        var declaration = JsonNode.Parse(File.ReadAllText(Path.Combine(ExamplesDirectory(), "example-using-firewall-rules-policies-logging.json")))!;

        var result = As3SchemaSet.Default.Get(As3SchemaSet.Schema356File).Validate(declaration);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, error => error.StartsWith("/declaration/controls: ", StringComparison.Ordinal) && error.Contains("class", StringComparison.Ordinal));
    }

    /// <summary>Real AS3 fills schema defaults (here `"class": "Controls"`) before checking `required`; a strict validator does not.</summary>
    internal static JsonNode LoadExample(string file)
    {
        var declaration = JsonNode.Parse(File.ReadAllText(Path.Combine(ExamplesDirectory(), file)))!;
        AddControlsClass(declaration);
        return declaration;
    }

    private static void AddControlsClass(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            if (obj["controls"] is JsonObject controls && !controls.ContainsKey("class"))
                controls["class"] = "Controls";
            foreach (var (_, child) in obj.ToList())
            {
                if (child is not null)
                    AddControlsClass(child);
            }
        }
    }

    private static string ExamplesDirectory() =>
        Path.GetFullPath(Path.Combine(As3SchemaSet.Default.SchemaDirectory, "..", "examples"));

    private static IReadOnlyList<string> ExampleFiles() =>
        Directory.GetFiles(ExamplesDirectory(), "*.json").Order(StringComparer.Ordinal).ToList();
}
