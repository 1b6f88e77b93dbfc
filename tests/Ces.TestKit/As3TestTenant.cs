using System.Text.Json.Nodes;

namespace Ces.TestKit;

/// <summary>Small CES-shaped AS3 declarations for device tests: an address list of pods, a port list, a rule list and a policy.</summary>
public static class As3TestTenant
{
    /// <summary>One tenant whose <c>Shared</c> application holds <c>pods</c>, <c>web</c>, <c>egress</c> and <c>policy</c>.</summary>
    public static JsonObject Build(IEnumerable<string> addresses, IEnumerable<JsonNode> ports, int? routeDomain = null)
    {
        var tenant = new JsonObject
        {
            ["class"] = "Tenant",
            ["Shared"] = new JsonObject
            {
                ["class"] = "Application",
                ["template"] = "shared",
                ["pods"] = new JsonObject { ["class"] = "Firewall_Address_List", ["addresses"] = new JsonArray([.. addresses.Select(a => (JsonNode)a)]) },
                ["web"] = new JsonObject { ["class"] = "Firewall_Port_List", ["ports"] = new JsonArray([.. ports]) },
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
        {
            tenant.Insert(1, "defaultRouteDomain", id);
        }
        return tenant;
    }

    /// <summary>An ADC declaring the given tenants.</summary>
    public static JsonObject Adc(string id, params (string Name, JsonObject Tenant)[] tenants)
    {
        var adc = new JsonObject { ["class"] = "ADC", ["schemaVersion"] = "3.56.0", ["id"] = id };
        foreach (var (name, tenant) in tenants)
        {
            adc[name] = tenant;
        }
        return adc;
    }

    /// <summary>A tenant or object name no other test uses.</summary>
    public static string Unique(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 9)];
}
