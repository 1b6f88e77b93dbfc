using System.Text.Json.Nodes;
using Ces.Abstractions.Api;
using Ces.BigIp.Simulator.State;
using Ces.Grains.As3;
using Ces.Grains.Compiler;

namespace Ces.Bench.Scenario;

/// <summary>Does the device hold the desired state? The compiler's output for the final snapshot is the ground truth.</summary>
/// <remarks>
/// AS3's stored declaration keeps the addresses last declared, while fast-path PATCHes change only the live lists (as on a
/// real BIG-IP). So a tenant matches when its stored declaration equals the desired tenant object apart from address-list
/// contents, and every desired address list's live contents equal the desired addresses (route-domain suffix ignored).
/// </remarks>
public static class DeviceStateCheck
{
    public static StateCheckResult Compare(ClusterSnapshot snapshot, CompilerSettings settings, DeviceState device)
    {
        var desired = PolicyCompiler.Compile(snapshot, settings);
        var mismatches = new List<string>();
        int tenants = 0, tenantsEqual = 0, lists = 0, listsEqual = 0;
        foreach (var tenant in desired.Tenants)
        {
            tenants++;
            var want = JsonNode.Parse(As3Writer.WriteTenantObject(tenant.Model))!.AsObject();
            var record = device.Tenant(tenant.Tenant);
            if (!As3StateParser.Applications(want).Any())
            {
                if (record is null)
                {
                    tenantsEqual++;
                }
                else
                {
                    mismatches.Add($"{tenant.Tenant}: on the device, but desired empty");
                }
                continue;
            }
            if (record is null)
            {
                mismatches.Add($"{tenant.Tenant}: missing on the device");
                continue;
            }
            var have = JsonNode.Parse(record.DeclarationJson)!.AsObject();
            var wantLists = StripAddresses(tenant.Tenant, want);
            StripAddresses(tenant.Tenant, have);
            if (JsonNode.DeepEquals(want, have))
            {
                tenantsEqual++;
            }
            else
            {
                mismatches.Add($"{tenant.Tenant}: stored declaration differs in structure");
            }
            var live = record.Live.AddressLists.ToDictionary(l => l.Path, l => l, StringComparer.Ordinal);
            foreach (var (path, addresses) in wantLists)
            {
                lists++;
                if (live.TryGetValue(path, out var list) && Normalize(list.Addresses).SetEquals(addresses))
                {
                    listsEqual++;
                }
                else if (mismatches.Count < 20)
                {
                    mismatches.Add($"{path}: live addresses differ ({(list is null ? "missing" : $"{list.Addresses.Count} live, {addresses.Count} desired")})");
                }
            }
        }
        return new StateCheckResult(tenants, tenantsEqual, lists, listsEqual, [.. mismatches.Take(20)]);
    }

    /// <summary>Removes address-list contents from a tenant object; returns them, keyed by the list's full path.</summary>
    private static Dictionary<string, HashSet<string>> StripAddresses(string tenant, JsonObject tenantNode)
    {
        var lists = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (app, appNode) in As3StateParser.Applications(tenantNode))
        {
            foreach (var (name, item) in appNode.ToList())
            {
                if (item is JsonObject obj && obj["class"]?.GetValue<string>() == "Firewall_Address_List")
                {
                    var addresses = obj["addresses"] is JsonArray array ? array.Select(a => a!.GetValue<string>()) : [];
                    lists[$"/{tenant}/{app}/{name}"] = Normalize(addresses);
                    obj.Remove("addresses");
                }
            }
        }
        return lists;
    }

    private static HashSet<string> Normalize(IEnumerable<string> addresses) =>
        addresses.Select(a => a.IndexOf('%') is var i and >= 0 ? a[..i] + a[(a.IndexOf('/', i) is var s and >= 0 ? s : a.Length)..] : a).ToHashSet(StringComparer.Ordinal);
}

/// <summary>How much of the device matches the desired state.</summary>
public sealed record StateCheckResult(int Tenants, int TenantsEqual, int AddressLists, int AddressListsEqual, IReadOnlyList<string> Mismatches)
{
    public bool Converged => Tenants == TenantsEqual && AddressLists == AddressListsEqual;
}
