using System.Text.Json.Nodes;

namespace Ces.Silo.Tests.Devices;

/// CES-shaped AS3 tenants: an address list of pods, a port list, a rule list and a policy in /T/Shared.
internal static class CesTenants
{
    public static string Declaration(params (string Name, JsonObject Tenant)[] tenants) =>
        new JsonObject { ["class"] = "AS3", ["action"] = "deploy", ["persist"] = true, ["declaration"] = As3TestTenant.Adc("ces-device-test", tenants) }.ToJsonString();

    public static JsonObject Tenant(string[]? addresses = null, int port = 443, int? routeDomain = null) =>
        As3TestTenant.Build(addresses ?? ["10.1.0.1"], [port], routeDomain);

    public static string Unique(string prefix) => As3TestTenant.Unique(prefix);
}
