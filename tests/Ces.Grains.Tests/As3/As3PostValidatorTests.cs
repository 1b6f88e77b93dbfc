using System.Text.Json.Nodes;
using Ces.Grains.As3;
using static Ces.Grains.Tests.As3.As3TestDeclarations;

namespace Ces.Grains.Tests.As3;

public sealed class As3PostValidatorTests
{
    [Fact]
    public void Minimal_declaration_passes()
    {
        Assert.Empty(As3PostValidator.Validate(Minimal()));
    }

    [Fact]
    public void Dangling_use_pointer_is_rejected()
    {
        var declaration = Minimal();
        App(declaration)["policy"]!["rules"]![0]!["use"] = "missing";

        var errors = As3PostValidator.Validate(declaration);

        Assert.Equal(["/T/A/policy/rules/0/use: contains path to non-existent object /T/A/missing"], errors);
    }

    [Fact]
    public void Use_pointer_to_the_wrong_class_is_rejected()
    {
        var declaration = Minimal();
        App(declaration)["service"]!["policyFirewallEnforced"]!["use"] = "rules";

        var error = Assert.Single(As3PostValidator.Validate(declaration));

        Assert.StartsWith("/T/A/service/policyFirewallEnforced/use: AS3 pointer /T/A/rules does not point to required object type (Firewall_Policy)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Port_list_in_an_address_list_slot_is_rejected()
    {
        var declaration = Minimal();
        Rule(declaration, 0)["destination"]!["addressLists"]![0]!["use"] = "ports";

        var error = Assert.Single(As3PostValidator.Validate(declaration));

        Assert.StartsWith("/T/A/rules/rules/0/destination/addressLists/0/use: AS3 pointer /T/A/ports does not point to required object type", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Dangling_string_pool_pointer_is_rejected()
    {
        var declaration = Minimal();
        App(declaration)["service"]!["pool"] = "nopool";

        Assert.Equal(["/T/A/service/pool: contains path to non-existent object /T/A/nopool"], As3PostValidator.Validate(declaration));
    }

    [Fact]
    public void Cross_tenant_pointer_is_rejected()
    {
        var declaration = Minimal();
        declaration["U"] = new JsonObject
        {
            ["class"] = "Tenant",
            ["B"] = new JsonObject
            {
                ["class"] = "Application",
                ["service"] = new JsonObject
                {
                    ["class"] = "Service_L4",
                    ["virtualAddresses"] = new JsonArray("192.0.2.2"),
                    ["virtualPort"] = 0,
                    ["policyFirewallEnforced"] = new JsonObject { ["use"] = "/T/A/policy" },
                },
            },
        };

        var error = Assert.Single(As3PostValidator.Validate(declaration));

        Assert.Equal("/U/B/service/policyFirewallEnforced/use: /T/A/policy must contain path pointing into same Application (or /same-Tenant/Shared or /Common/Shared)", error);
    }

    [Fact]
    public void Pointer_into_another_application_of_the_same_tenant_is_rejected()
    {
        var declaration = Minimal();
        ((JsonObject)declaration["T"]!)["B"] = new JsonObject
        {
            ["class"] = "Application",
            ["policy2"] = new JsonObject { ["class"] = "Firewall_Policy", ["rules"] = new JsonArray(new JsonObject { ["use"] = "/T/A/rules" }) },
        };

        var error = Assert.Single(As3PostValidator.Validate(declaration));

        Assert.StartsWith("/T/B/policy2/rules/0/use: /T/A/rules must contain path pointing into same Application", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Pointers_into_the_tenant_Shared_and_Common_Shared_applications_resolve()
    {
        var declaration = Minimal();
        var app = App(declaration);
        ((JsonObject)declaration["T"]!)["Shared"] = new JsonObject
        {
            ["class"] = "Application",
            ["template"] = "shared",
            ["sharedPolicy"] = app["policy"]!.DeepClone(),
            ["rules"] = app["rules"]!.DeepClone(),
            ["addresses"] = app["addresses"]!.DeepClone(),
            ["ports"] = app["ports"]!.DeepClone(),
        };
        declaration["Common"] = new JsonObject
        {
            ["class"] = "Tenant",
            ["Shared"] = new JsonObject { ["class"] = "Application", ["template"] = "shared", ["commonPolicy"] = app["policy"]!.DeepClone(), ["rules"] = app["rules"]!.DeepClone(), ["addresses"] = app["addresses"]!.DeepClone(), ["ports"] = app["ports"]!.DeepClone() },
        };
        app["service"]!["policyFirewallEnforced"]!["use"] = "/T/Shared/sharedPolicy";
        app["service"]!["policyFirewallStaged"] = new JsonObject { ["use"] = "/Common/Shared/commonPolicy" };

        Assert.Empty(As3PostValidator.Validate(declaration));
    }

    [Fact]
    public void Path_of_195_characters_is_accepted_and_196_is_rejected()
    {
        var app = new string('a', 100);
        var item195 = new string('p', 195 - $"/T/{app}/".Length);
        var item196 = item195 + "q";

        Assert.Empty(As3PostValidator.Validate(WithItemInApp(app, item195)));
        Assert.Equal(
            [$"/T/{app}/{item196}: Path \"/T/{app}/{item196}\" is longer than 195 characters"],
            As3PostValidator.Validate(WithItemInApp(app, item196)));
    }

    [Fact]
    public void Duplicate_rule_name_in_a_rule_list_is_rejected()
    {
        var declaration = Minimal();
        Rule(declaration, 1)["name"] = "allow-web";

        Assert.Equal(["/T/A/rules/rules/1/name: duplicate rule name \"allow-web\" (first used at rules/0)"], As3PostValidator.Validate(declaration));
    }

    [Fact]
    public void Duplicate_inline_rule_name_in_a_policy_is_rejected()
    {
        var declaration = Minimal();
        App(declaration)["policy"]!["rules"] = new JsonArray(
            new JsonObject { ["name"] = "r", ["action"] = "accept" },
            new JsonObject { ["use"] = "rules" },
            new JsonObject { ["name"] = "r", ["action"] = "drop" });

        Assert.Equal(["/T/A/policy/rules/2/name: duplicate rule name \"r\" (first used at rules/0)"], As3PostValidator.Validate(declaration));
    }

    [Theory]
    [InlineData("ends-")]
    [InlineData("9starts-with-digit")]
    [InlineData("has space")]
    public void Invalid_item_name_is_rejected(string name)
    {
        var declaration = Minimal();
        App(declaration)[name] = new JsonObject { ["class"] = "Firewall_Port_List", ["ports"] = new JsonArray(80) };

        var error = Assert.Single(As3PostValidator.Validate(declaration));

        Assert.StartsWith($"/T/A/{name}: name \"{name}\" is invalid", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Request_wrapper_errors_point_into_the_declaration()
    {
        var declaration = Minimal();
        App(declaration)["policy"]!["rules"]![0]!["use"] = "missing";
        var request = new JsonObject { ["class"] = "AS3", ["declaration"] = declaration };

        Assert.Equal(["/declaration/T/A/policy/rules/0/use: contains path to non-existent object /T/A/missing"], As3PostValidator.Validate(request));
    }

    [Fact]
    public void Errors_come_in_document_order()
    {
        var declaration = Minimal();
        Rule(declaration, 1)["name"] = "allow-web";
        App(declaration)["policy"]!["rules"]![0]!["use"] = "missing";
        App(declaration)["service"]!["pool"] = "nopool";

        var errors = As3PostValidator.Validate(declaration);

        Assert.Equal(["/T/A/rules/rules/1/name", "/T/A/policy/rules/0/use", "/T/A/service/pool"], errors.Select(error => error[..error.IndexOf(':', StringComparison.Ordinal)]));
    }

    private static JsonObject WithItemInApp(string app, string item)
    {
        var declaration = Minimal();
        ((JsonObject)declaration["T"]!)[app] = new JsonObject
        {
            ["class"] = "Application",
            [item] = new JsonObject { ["class"] = "Firewall_Port_List", ["ports"] = new JsonArray(80) },
        };
        return declaration;
    }
}
