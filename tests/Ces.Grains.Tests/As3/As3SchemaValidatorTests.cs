using System.Text.Json.Nodes;
using Ces.Grains.As3;
using static Ces.Grains.Tests.As3.As3TestDeclarations;

namespace Ces.Grains.Tests.As3;

public sealed class As3SchemaValidatorTests
{
    private static As3SchemaValidator Schema356 => As3SchemaSet.Default.Get(As3SchemaSet.Schema356File);

    private static As3SchemaValidator Schema329 => As3SchemaSet.Default.Get(As3SchemaSet.Schema329File);

    [Fact]
    public void Minimal_declaration_is_valid_against_both_schemas()
    {
        Assert.Equal([], Schema356.Validate(Minimal()).Errors);
        Assert.Equal([], Schema329.Validate(Minimal("3.29.0")).Errors);
    }

    [Fact]
    public void Rule_action_allow_is_rejected()
    {
        var declaration = Minimal();
        Rule(declaration, 0)["action"] = "allow";

        AssertRejectedAt(Schema356.Validate(declaration), "/T/A/rules/rules/0/action");
    }

    [Fact]
    public void Policy_without_rules_is_rejected()
    {
        var declaration = Minimal();
        ((JsonObject)App(declaration)["policy"]!).Remove("rules");

        var result = Schema356.Validate(declaration);

        AssertRejectedAt(result, "/T/A/policy");
        Assert.Contains(result.Errors, error => error.Contains("rules", StringComparison.Ordinal));
    }

    [Fact]
    public void Empty_address_list_is_rejected()
    {
        var declaration = Minimal();
        App(declaration)["addresses"]!["addresses"] = new JsonArray();

        AssertRejectedAt(Schema356.Validate(declaration), "/T/A/addresses/addresses");
    }

    [Fact]
    public void Protocol_in_upper_case_is_rejected()
    {
        var declaration = Minimal();
        Rule(declaration, 0)["protocol"] = "TCP";

        AssertRejectedAt(Schema356.Validate(declaration), "/T/A/rules/rules/0/protocol");
    }

    [Fact]
    public void Protocol_icmp_is_valid_in_3_56_but_not_in_3_29()
    {
        var declaration = Minimal();
        Rule(declaration, 1)["protocol"] = "icmp";
        var old = Minimal("3.29.0");
        Rule(old, 1)["protocol"] = "icmp";

        Assert.True(Schema356.Validate(declaration).IsValid);
        AssertRejectedAt(Schema329.Validate(old), "/T/A/rules/rules/1/protocol");
    }

    [Fact]
    public void Item_name_ending_in_a_hyphen_is_rejected()
    {
        var declaration = Minimal();
        App(declaration)["extra-"] = new JsonObject { ["class"] = "Firewall_Port_List", ["ports"] = new JsonArray(80) };

        var result = Schema356.Validate(declaration);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, error => error.StartsWith("/T/A", StringComparison.Ordinal));
    }

    [Fact]
    public void Rule_list_pointer_with_both_use_and_bigip_is_rejected()
    {
        var declaration = Minimal();
        App(declaration)["policy"]!["rules"]![0]!["bigip"] = "/Common/rules";

        AssertRejectedAt(Schema356.Validate(declaration), "/T/A/policy/rules/0");
    }

    [Fact]
    public void Virtual_address_outside_the_IPv4_range_is_rejected_by_the_f5ip_format()
    {
        var declaration = Minimal();
        App(declaration)["service"]!["virtualAddresses"] = new JsonArray("192.0.2.300");

        var result = Schema356.Validate(declaration);

        AssertRejectedAt(result, "/T/A/service/virtualAddresses/0");
        Assert.Contains(result.Errors, error => error.Contains("f5ip", StringComparison.Ordinal));
    }

    [Fact]
    public void Bigip_path_without_leading_slash_is_rejected_by_the_f5bigip_format()
    {
        var declaration = Minimal();
        App(declaration)["service"]!["policyFirewallEnforced"] = new JsonObject { ["bigip"] = "Common/policy" };

        var result = Schema356.Validate(declaration);

        AssertRejectedAt(result, "/T/A/service/policyFirewallEnforced/bigip");
        Assert.Contains(result.Errors, error => error.Contains("f5bigip", StringComparison.Ordinal));
    }

    [Fact]
    public void Schema_version_3_56_is_rejected_by_the_3_29_schema()
    {
        AssertRejectedAt(Schema329.Validate(Minimal("3.56.0")), "/schemaVersion");
    }

    [Fact]
    public void Rule_property_outside_the_schema_is_rejected()
    {
        var declaration = Minimal();
        Rule(declaration, 0)["schedule"] = "weekdays";

        AssertRejectedAt(Schema356.Validate(declaration), "/T/A/rules/rules/0");
    }

    [Fact]
    public void Request_wrapper_errors_point_into_the_declaration()
    {
        var declaration = Minimal();
        Rule(declaration, 0)["action"] = "allow";
        var request = new JsonObject { ["class"] = "AS3", ["action"] = "deploy", ["declaration"] = declaration };

        AssertRejectedAt(Schema356.Validate(request), "/declaration/T/A/rules/rules/0/action");
    }

    [Fact]
    public void Explanation_is_kept_to_a_handful_of_messages()
    {
        var declaration = Minimal();
        Rule(declaration, 0)["action"] = "allow";
        Rule(declaration, 1)["protocol"] = "TCP";
        App(declaration)["addresses"]!["addresses"] = new JsonArray();

        var result = Schema356.Validate(declaration);

        Assert.InRange(result.Errors.Count, 1, 5);
        Assert.DoesNotContain(result.Errors, error => error.Contains("/if", StringComparison.Ordinal));
    }

    private static void AssertRejectedAt(As3SchemaResult result, string instancePath)
    {
        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, error => error.StartsWith(instancePath + ": ", StringComparison.Ordinal)
            || error.StartsWith(instancePath + "/", StringComparison.Ordinal));
    }
}
