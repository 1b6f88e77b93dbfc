using System.Text.Json.Nodes;
using Ces.Abstractions.Collections;

namespace Ces.BigIp.Simulator.State;

public static partial class As3StateParser
{
    private static AddressListState AddressList(ItemContext context, JsonObject item) => new(
        context.Path,
        Strings(item["addresses"]),
        Strings(item["fqdns"]),
        References(context, item["addressLists"]));

    private static PortListState PortList(ItemContext context, JsonObject item) => new(
        context.Path,
        [.. As3Json.Items(item["ports"]).Select(As3Json.Scalar).OfType<string>()],
        References(context, item["portLists"]));

    private static PolicyState Policy(ItemContext context, JsonObject item) => new(
        context.Path,
        [.. As3Json.Items(item["rules"]).Select(entry => entry is JsonObject obj && obj.ContainsKey("name")
            ? Rule(context, entry)
            : RuleListReference(context.Reference(entry) ?? ""))],
        References(context, item["routeDomainEnforcement"]));

    private static FirewallRuleState Rule(ItemContext context, JsonNode node)
    {
        var rule = node as JsonObject ?? [];
        return new FirewallRuleState(
            As3Json.String(rule["name"]) ?? "",
            As3Json.String(rule["action"]) ?? "",
            As3Json.String(rule["protocol"]) ?? "any",
            Endpoint(context, rule["source"]),
            Endpoint(context, rule["destination"]),
            As3Json.Bool(rule["loggingEnabled"]),
            context.Reference(rule["iRule"]),
            null);
    }

    /// <summary>A policy entry that pulls in a whole rule list is named after the list, as tmsh shows it.</summary>
    private static FirewallRuleState RuleListReference(string ruleList) =>
        new(ruleList[(ruleList.LastIndexOf('/') + 1)..], "", "any", RuleEndpointState.Any, RuleEndpointState.Any, false, null, ruleList);

    private static RuleEndpointState Endpoint(ItemContext context, JsonNode? node) => node is JsonObject side
        ? new RuleEndpointState(
            Strings(side["addresses"]),
            References(context, side["addressLists"]),
            [.. As3Json.Items(side["ports"]).Select(As3Json.Scalar).OfType<string>()],
            References(context, side["portLists"]),
            References(context, side["vlans"]))
        : RuleEndpointState.Any;

    private static EquatableArray<string> Strings(JsonNode? node) => [.. As3Json.Items(node).Select(As3Json.String).OfType<string>()];

    private static EquatableArray<string> References(ItemContext context, JsonNode? node) =>
        [.. As3Json.Items(node).Select(context.Reference).OfType<string>()];
}
