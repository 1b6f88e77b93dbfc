using System.Text.Json.Nodes;

namespace Ces.Grains.Tests.As3;

/// Small, valid AS3 declarations that tests break one property at a time.
internal static class As3TestDeclarations
{
    /// <summary>Tenant T, application A: two lists, a rule list, a policy using it, and a Service_L4 enforcing it.</summary>
    public static JsonObject Minimal(string schemaVersion = "3.56.0") => new()
    {
        ["class"] = "ADC",
        ["schemaVersion"] = schemaVersion,
        ["T"] = new JsonObject
        {
            ["class"] = "Tenant",
            ["A"] = new JsonObject
            {
                ["class"] = "Application",
                ["addresses"] = new JsonObject
                {
                    ["class"] = "Firewall_Address_List",
                    ["addresses"] = new JsonArray("10.0.0.0/8", "192.0.2.10-192.0.2.20"),
                },
                ["ports"] = new JsonObject
                {
                    ["class"] = "Firewall_Port_List",
                    ["ports"] = new JsonArray(443, "8080-8090"),
                },
                ["rules"] = new JsonObject
                {
                    ["class"] = "Firewall_Rule_List",
                    ["rules"] = new JsonArray(
                        new JsonObject
                        {
                            ["name"] = "allow-web",
                            ["action"] = "accept",
                            ["protocol"] = "tcp",
                            ["destination"] = new JsonObject
                            {
                                ["addressLists"] = new JsonArray(new JsonObject { ["use"] = "addresses" }),
                                ["portLists"] = new JsonArray(new JsonObject { ["use"] = "ports" }),
                            },
                        },
                        new JsonObject { ["name"] = "deny-rest", ["action"] = "drop", ["protocol"] = "any" }),
                },
                ["policy"] = new JsonObject
                {
                    ["class"] = "Firewall_Policy",
                    ["rules"] = new JsonArray(new JsonObject { ["use"] = "rules" }),
                },
                ["service"] = new JsonObject
                {
                    ["class"] = "Service_L4",
                    ["virtualAddresses"] = new JsonArray("192.0.2.1"),
                    ["virtualPort"] = 0,
                    ["policyFirewallEnforced"] = new JsonObject { ["use"] = "policy" },
                },
            },
        },
    };

    public static JsonObject App(JsonObject declaration) => (JsonObject)declaration["T"]!["A"]!;

    public static JsonObject Rule(JsonObject declaration, int index) =>
        (JsonObject)App(declaration)["rules"]!["rules"]![index]!;
}
