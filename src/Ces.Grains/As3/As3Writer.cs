using System.Text.Json;
using System.Text.Json.Nodes;
using Ces.Abstractions.Afm;

namespace Ces.Grains.As3;

/// <summary>Writes one tenant's AFM model as a complete AS3 request (ces-behaviour.md §4.1): keys sorted, same bytes for same input.</summary>
public static class As3Writer
{
    public const string DeclarationId = "k8s-ces-controller";
    public const string SchemaUrl = "https://raw.githubusercontent.com/F5Networks/f5-appsvcs-extension/master/schema/latest/as3-schema.json";

    public static string Write(AfmTenant tenant, string schemaVersion, bool indented = false) =>
        CanonicalJson.Write(writer => WriteRequest(writer, tenant, schemaVersion), indented);

    /// <summary>The tenant object alone (compact), which <see cref="Envelope"/> joins with others into one declaration.</summary>
    public static string WriteTenantObject(AfmTenant tenant) =>
        CanonicalJson.Write(writer => WriteTenantBody(writer, tenant), indented: false);

    /// <summary>One AS3 request carrying several tenants (compact); with one tenant it equals <see cref="Write"/>.</summary>
    public static string Envelope(IEnumerable<(string Tenant, string TenantJson)> tenants, string schemaVersion) =>
        CanonicalJson.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", SchemaUrl);
            writer.WriteString("class", "AS3");
            writer.WriteStartObject("declaration");
            foreach (var (name, json) in tenants.OrderBy(t => t.Tenant, StringComparer.Ordinal))
            {
                writer.WritePropertyName(name);
                writer.WriteRawValue(json, skipInputValidation: true);
            }
            WriteAdcProperties(writer, schemaVersion);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }, indented: false);

    private static void WriteRequest(Utf8JsonWriter writer, AfmTenant tenant, string schemaVersion)
    {
        writer.WriteStartObject();
        writer.WriteString("$schema", SchemaUrl);
        writer.WriteString("class", "AS3");
        writer.WriteStartObject("declaration");
        writer.WritePropertyName(tenant.Name);
        WriteTenantBody(writer, tenant);
        WriteAdcProperties(writer, schemaVersion);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteAdcProperties(Utf8JsonWriter writer, string schemaVersion)
    {
        writer.WriteString("class", "ADC");
        writer.WriteString("id", DeclarationId);
        writer.WriteString("schemaVersion", schemaVersion);
        writer.WriteString("updateMode", "selective");
    }

    private static void WriteTenantBody(Utf8JsonWriter writer, AfmTenant tenant)
    {
        writer.WriteStartObject();
        writer.WriteStartObject(AfmTenant.Application);
        foreach (var (_, write) in SharedItems(tenant).OrderBy(i => i.Name, StringComparer.Ordinal))
        {
            write(writer);
        }
        writer.WriteEndObject();
        writer.WriteString("class", "Tenant");
        if (tenant.DefaultRouteDomain is { } routeDomain)
        {
            writer.WriteNumber("defaultRouteDomain", routeDomain);
        }
        writer.WriteEndObject();
    }

    private static IEnumerable<(string Name, Action<Utf8JsonWriter> Write)> SharedItems(AfmTenant tenant)
    {
        yield return ("class", w => w.WriteString("class", "Application"));
        yield return ("template", w => w.WriteString("template", "shared"));
        foreach (var list in tenant.AddressLists)
        {
            yield return (list.Name, w => WriteAddressList(w, list));
        }
        foreach (var list in tenant.PortLists)
        {
            yield return (list.Name, w => WritePortList(w, list));
        }
        foreach (var list in tenant.RuleLists)
        {
            yield return (list.Name, w => WriteRuleList(w, list));
        }
        foreach (var policy in tenant.Policies)
        {
            yield return (policy.Name, w => WritePolicy(w, policy));
        }
        yield return (tenant.GatewayPool.Name, w => WritePool(w, tenant.GatewayPool));
        yield return (tenant.VirtualAddress.Name, w => WriteVirtualAddress(w, tenant.VirtualAddress));
        yield return (tenant.VirtualServer.Name, w => WriteNode(w, tenant.VirtualServer.Name, VirtualServerNode(tenant.VirtualServer)));
        if (tenant.Logging is { } logging)
        {
            yield return (logging.Pool.Name, w => WritePool(w, logging.Pool));
            foreach (var (name, node) in JsonNode.Parse(logging.ObjectsJson)!.AsObject())
            {
                yield return (name, w => WriteNode(w, name, node));
            }
        }
    }

    private static void WriteAddressList(Utf8JsonWriter w, AfmAddressList list)
    {
        w.WriteStartObject(list.Name);
        WriteStrings(w, "addresses", list.Addresses, omitEmpty: true);
        w.WriteString("class", "Firewall_Address_List");
        WriteStrings(w, "fqdns", list.Fqdns, omitEmpty: true);
        w.WriteEndObject();
    }

    private static void WritePortList(Utf8JsonWriter w, AfmPortList list)
    {
        w.WriteStartObject(list.Name);
        w.WriteString("class", "Firewall_Port_List");
        WriteStrings(w, "ports", list.Ports, omitEmpty: false);
        w.WriteEndObject();
    }

    private static void WriteRuleList(Utf8JsonWriter w, AfmRuleList list)
    {
        w.WriteStartObject(list.Name);
        w.WriteString("class", "Firewall_Rule_List");
        w.WriteStartArray("rules");
        foreach (var rule in list.Rules)
        {
            WriteRule(w, rule);
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter w, AfmRule rule)
    {
        w.WriteStartObject();
        w.WriteString("action", rule.Action);
        w.WriteStartObject("destination");
        WriteUses(w, "addressLists", rule.DestinationAddressLists);
        WriteUses(w, "portLists", rule.DestinationPortLists);
        w.WriteEndObject();
        if (rule.IRule is { } iRule)
        {
            w.WriteStartObject("iRule");
            w.WriteString("bigip", iRule);
            w.WriteEndObject();
        }
        if (rule.LoggingEnabled)
        {
            w.WriteBoolean("loggingEnabled", true);
        }
        w.WriteString("name", rule.Name);
        if (rule.Protocol is { } protocol)
        {
            w.WriteString("protocol", protocol);
        }
        w.WriteStartObject("source");
        WriteUses(w, "addressLists", rule.SourceAddressLists);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WritePolicy(Utf8JsonWriter w, AfmPolicy policy)
    {
        w.WriteStartObject(policy.Name);
        w.WriteString("class", "Firewall_Policy");
        w.WriteStartArray("rules");
        foreach (var use in policy.RuleLists)
        {
            WriteUse(w, use);
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WritePool(Utf8JsonWriter w, AfmPool pool)
    {
        w.WriteStartObject(pool.Name);
        w.WriteString("class", "Pool");
        w.WriteStartArray("members");
        foreach (var member in pool.Members)
        {
            w.WriteStartObject();
            w.WriteBoolean("enable", true);
            WriteStrings(w, "serverAddresses", member.ServerAddresses, omitEmpty: false);
            w.WriteNumber("servicePort", member.ServicePort);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (!pool.Monitors.IsEmpty)
        {
            w.WriteStartArray("monitors");
            foreach (var monitor in pool.Monitors)
            {
                w.WriteStartObject();
                w.WriteString("bigip", monitor);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void WriteVirtualAddress(Utf8JsonWriter w, AfmVirtualAddress address)
    {
        w.WriteStartObject(address.Name);
        w.WriteBoolean("arpEnabled", address.ArpEnabled);
        w.WriteString("class", "Service_Address");
        w.WriteString("icmpEcho", address.IcmpEcho);
        w.WriteString("virtualAddress", address.Address);
        w.WriteEndObject();
    }

    /// <summary>The outbound VS: CES's default body, or the config template with CES's overrides (§4.9).</summary>
    private static JsonObject VirtualServerNode(AfmVirtualServer vs)
    {
        var node = vs.TemplateJson is { } template
            ? JsonNode.Parse(template)!.AsObject()
            : new JsonObject
            {
                ["class"] = "Service_L4",
                ["layer4"] = "any",
                ["virtualPort"] = 0,
                ["translateServerAddress"] = false,
                ["translateServerPort"] = false,
                ["snat"] = "auto",
            };
        node.TryAdd("class", "Service_L4");
        node["virtualAddresses"] = new JsonArray(new JsonObject { ["use"] = vs.VirtualAddressPath });
        node["pool"] = vs.Pool;
        node["policyFirewallEnforced"] = new JsonObject { ["use"] = vs.EnforcedPolicyPath };
        if (vs.StagedPolicyPath is { } staged)
        {
            node["policyFirewallStaged"] = new JsonObject { ["use"] = staged };
        }
        node.Remove("securityLogProfiles");
        if (vs.LogProfile is { } profile)
        {
            node["securityLogProfiles"] = new JsonArray(new JsonObject { ["use"] = profile });
        }
        return node;
    }

    private static void WriteNode(Utf8JsonWriter w, string name, JsonNode? node)
    {
        w.WritePropertyName(name);
        CanonicalJson.Write(w, node);
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IReadOnlyCollection<string> values, bool omitEmpty)
    {
        if (omitEmpty && values.Count == 0)
        {
            return;
        }
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }
        w.WriteEndArray();
    }

    private static void WriteUses(Utf8JsonWriter w, string name, IReadOnlyCollection<string> paths)
    {
        if (paths.Count == 0)
        {
            return;
        }
        w.WriteStartArray(name);
        foreach (var path in paths)
        {
            WriteUse(w, path);
        }
        w.WriteEndArray();
    }

    private static void WriteUse(Utf8JsonWriter w, string path)
    {
        w.WriteStartObject();
        w.WriteString("use", path);
        w.WriteEndObject();
    }
}
