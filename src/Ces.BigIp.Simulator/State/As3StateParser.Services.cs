using System.Text.Json.Nodes;
using Ces.Abstractions.Collections;

namespace Ces.BigIp.Simulator.State;

public static partial class As3StateParser
{
    private static VirtualServerState Virtual(ItemContext context, JsonObject item) => new(
        context.Path,
        context.Class,
        [.. As3Json.Items(item["virtualAddresses"]).Select(address => VirtualAddress(context, address)).OfType<string>()],
        As3Json.Int(item["virtualPort"], 0),
        As3Json.String(item["layer4"]) ?? "tcp",
        context.Reference(item["policyFirewallEnforced"]),
        context.Reference(item["policyFirewallStaged"]),
        LogProfiles(context, item["securityLogProfiles"]),
        context.Reference(item["pool"]));

    /// <summary>An entry is an address, an [address, mask] pair, or a pointer to a Service_Address.</summary>
    private static string? VirtualAddress(ItemContext context, JsonNode address) => address switch
    {
        JsonArray pair => As3Json.String(pair.FirstOrDefault()),
        JsonObject => context.Reference(address),
        _ => As3Json.String(address),
    };

    private static EquatableArray<string> LogProfiles(ItemContext context, JsonNode? node) =>
        [.. As3Json.Items(node).Select(context.Reference).OfType<string>()];

    private static PoolState Pool(ItemContext context, JsonObject item)
    {
        var members = new List<string>();
        foreach (var member in As3Json.Items(item["members"]).OfType<JsonObject>())
        {
            var port = As3Json.Scalar(member["servicePort"]) ?? "0";
            members.AddRange(As3Json.Items(member["serverAddresses"]).Select(As3Json.String).OfType<string>().Select(address => $"{address}:{port}"));
        }
        return new PoolState(context.Path, [.. members]);
    }
}
