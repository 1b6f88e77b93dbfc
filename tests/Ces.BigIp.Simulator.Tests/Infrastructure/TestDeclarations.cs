using System.Text.Json.Nodes;

namespace Ces.BigIp.Simulator.Tests.Infrastructure;

/// Small AS3 declarations for tests: one tenant with an address list, a port list, a rule list and a policy.
internal static class TestDeclarations
{
    public const string Declare = "/mgmt/shared/appsvcs/declare";

    public static JsonObject Adc(params (string Name, JsonObject Tenant)[] tenants) => As3TestTenant.Adc("ces-test", tenants);

    public static JsonObject Tenant(string address = "10.1.0.1", int? routeDomain = null) =>
        As3TestTenant.Build([address], [443, "8080-8081"], routeDomain);

    public static string Unique(string prefix) => As3TestTenant.Unique(prefix);
}
