using System.Text.Json.Nodes;

namespace Ces.Silo.Tests.Devices;

/// CES-shaped AS3 tenants: an address list of pods, a port list, a rule list and a policy in /T/Shared.
internal static class CesTenants
{
    public static string Declaration(params (string Name, JsonObject Tenant)[] tenants)
    {
        var adc = new JsonObject { ["class"] = "ADC", ["schemaVersion"] = "3.56.0", ["id"] = "ces-device-test" };
        foreach (var (name, tenant) in tenants)
            adc[name] = tenant;
        return new JsonObject { ["class"] = "AS3", ["action"] = "deploy", ["persist"] = true, ["declaration"] = adc }.ToJsonString();
    }

    public static JsonObject Tenant(string[]? addresses = null, int port = 443, int? routeDomain = null)
    {
        var tenant = new JsonObject
        {
            ["class"] = "Tenant",
            ["Shared"] = new JsonObject
            {
                ["class"] = "Application",
                ["template"] = "shared",
                ["pods"] = new JsonObject { ["class"] = "Firewall_Address_List", ["addresses"] = new JsonArray([.. (addresses ?? ["10.1.0.1"]).Select(a => (JsonNode)a)]) },
                ["web"] = new JsonObject { ["class"] = "Firewall_Port_List", ["ports"] = new JsonArray(port) },
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
