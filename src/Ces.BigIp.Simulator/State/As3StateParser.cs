using System.Text.Json.Nodes;

namespace Ces.BigIp.Simulator.State;

/// The simulator's own reader of one AS3 tenant into device objects (never the CES compiler or writer, STYLE §2.1).
public static partial class As3StateParser
{
    private static readonly HashSet<string> TenantProperties = new(StringComparer.Ordinal)
    {
        "class", "label", "remark", "enable", "constants", "controls", "verifiers", "defaultRouteDomain",
        "useCommonRouteDomainTenant", "optimisticLockKey",
    };

    private static readonly HashSet<string> AppProperties = new(StringComparer.Ordinal)
    {
        "class", "label", "remark", "template", "enable", "constants", "controls", "schemaOverlay",
    };

    public static TenantConfig Parse(string tenantName, JsonObject tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var builder = new TenantConfigBuilder(tenantName, As3Json.Int(tenant["defaultRouteDomain"], 0));
        foreach (var (appName, app) in Applications(tenant))
        {
            foreach (var (itemName, itemNode) in app)
            {
                if (AppProperties.Contains(itemName) || itemNode is not JsonObject item || As3Json.ClassOf(item) is not { } itemClass)
                    continue;
                var path = itemClass == "Service_Address" ? $"/{tenantName}/{itemName}" : $"/{tenantName}/{appName}/{itemName}";
                builder.ItemPaths.Add(path);
                AddItem(builder, new ItemContext(tenantName, appName, path, itemClass), item);
            }
        }
        return builder.Build();
    }

    /// <summary>The applications of a tenant in document order; a tenant without any is a removal request.</summary>
    public static IEnumerable<(string Name, JsonObject App)> Applications(JsonObject tenant)
    {
        foreach (var (name, node) in tenant)
        {
            if (!TenantProperties.Contains(name) && node is JsonObject app && As3Json.ClassOf(app) == "Application")
                yield return (name, app);
        }
    }

    private static void AddItem(TenantConfigBuilder builder, ItemContext context, JsonObject item)
    {
        switch (context.Class)
        {
            case "Firewall_Address_List":
                builder.AddressLists.Add(AddressList(context, item));
                break;
            case "Firewall_Port_List":
                builder.PortLists.Add(PortList(context, item));
                break;
            case "Firewall_Rule_List":
                builder.RuleLists.Add(new RuleListState(context.Path, [.. As3Json.Items(item["rules"]).Select(rule => Rule(context, rule))]));
                break;
            case "Firewall_Policy":
                builder.Policies.Add(Policy(context, item));
                break;
            case "Service_Address":
                builder.VirtualAddresses.Add(new VirtualAddressState(context.Path, As3Json.String(item["virtualAddress"]) ?? ""));
                break;
            case "Pool":
                builder.Pools.Add(Pool(context, item));
                break;
            case "Security_Log_Profile" or "Log_Publisher" or "Log_Destination":
                builder.LogObjects.Add(new LogObjectState(context.Path, context.Class));
                break;
            case var service when service.StartsWith("Service_", StringComparison.Ordinal):
                builder.Virtuals.Add(Virtual(context, item));
                break;
        }
    }
}
