using System.Text.Json.Nodes;
using Ces.Grains.As3;
using static Ces.Grains.Tests.As3.As3TestDeclarations;

namespace Ces.Grains.Tests.As3;

public sealed class As3DeclarationValidatorTests
{
    [Fact]
    public void Valid_declaration_has_no_errors()
    {
        var result = As3DeclarationValidator.Validate(Minimal());

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.AllErrors));
    }

    [Fact]
    public void Schema_and_post_errors_are_reported_separately()
    {
        var declaration = Minimal();
        Rule(declaration, 0)["action"] = "allow";
        App(declaration)["policy"]!["rules"]![0]!["use"] = "missing";

        var result = As3DeclarationValidator.Validate(declaration);

        Assert.False(result.IsValid);
        Assert.Contains(result.SchemaErrors, error => error.StartsWith("/T/A/rules/rules/0/action: ", StringComparison.Ordinal));
        Assert.Equal(["/T/A/policy/rules/0/use: contains path to non-existent object /T/A/missing"], result.PostErrors);
    }

    [Fact]
    public void Declaration_for_3_29_is_checked_against_the_3_29_schema()
    {
        var declaration = Minimal("3.29.0");
        Rule(declaration, 1)["protocol"] = "icmp";

        var result = As3DeclarationValidator.Validate(declaration);

        Assert.Contains(result.SchemaErrors, error => error.StartsWith("/T/A/rules/rules/1/protocol: ", StringComparison.Ordinal));
    }
}
