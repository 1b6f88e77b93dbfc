using System.Text.Json.Nodes;

namespace Ces.BigIp.Simulator.Tests.Infrastructure;

/// Small AS3 declarations for tests: one tenant with an address list, a port list, a rule list and a policy.
internal static class TestDeclarations
{
    public const string Declare = "/mgmt/shared/appsvcs/declare";

    public static JsonObject Adc(params (string Name, JsonObject Tenant)[] tenants)
    {
        var adc = new JsonObject { ["class"] = "ADC", ["schemaVersion"] = "3.56.0", ["id"] = "ces-test" };
        foreach (var (name, tenant) in tenants)
            adc[name] = tenant;
        return adc;
    }

    public static JsonObject Tenant(string address = "10.1.0.1", int? routeDomain = null)
    {
        var tenant = new JsonObject
        {
            ["class"] = "Tenant",
            ["Shared"] = new JsonObject
            {
                ["class"] = "Application",
                ["template"] = "shared",
                ["pods"] = new JsonObject { ["class"] = "Firewall_Address_List", ["addresses"] = new JsonArray(address) },
                ["web"] = new JsonObject { ["class"] = "Firewall_Port_List", ["ports"] = new JsonArray(443, "8080-8081") },
                ["egress"] = new JsonObject
                {
                    ["class"] = "Firewall_Rule_List",
                    ["rules"] = new JsonArray(new JsonObject
                    {
                        ["name"] = "allow-web",
                        ["action"] = "accept",
                        ["protocol"] = "tcp",
                        ["source"] = new JsonObject { ["addressLists"] = new JsonArray(new JsonObject { ["use"] = "pods" }) },
                        ["destination"] = new JsonObject { ["portLists"] = new JsonArray(new JsonObject { ["use"] = "web" }) },
                    }),
                },
                ["policy"] = new JsonObject { ["class"] = "Firewall_Policy", ["rules"] = new JsonArray(new JsonObject { ["use"] = "egress" }) },
            },
        };
        if (routeDomain is { } id)
            tenant.Insert(1, "defaultRouteDomain", id);
        return tenant;
    }

    public static string Unique(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 9)];
}
