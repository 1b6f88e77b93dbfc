using Ces.Abstractions.Api;

namespace Ces.Abstractions.Keys;

/// <summary>The one place grain keys are built and parsed: policies by kind/namespace/name, partitions by device/tenant.</summary>
public static class GrainKeys
{
    /// <summary><c>ClusterEgressRule//rule1</c>, <c>ServiceEgressRule/default/rule4</c>.</summary>
    public static string Policy(ObjectRef rule) => $"{rule.Kind}/{rule.Namespace}/{rule.Name}";

    public static ObjectRef ParsePolicy(string key)
    {
        var parts = key.Split('/');
        return parts.Length == 3 ? new ObjectRef(parts[0], parts[1], parts[2]) : throw new FormatException($"'{key}' is not a policy key (kind/namespace/name)");
    }

    /// <summary><c>bigip/Common</c>: a BIG-IP partition on one device.</summary>
    public static string Partition(string device, string tenant) => $"{device}/{tenant}";

    public static (string Device, string Tenant) ParsePartition(string key)
    {
        var slash = key.IndexOf('/');
        return slash > 0 ? (key[..slash], key[(slash + 1)..]) : throw new FormatException($"'{key}' is not a partition key (device/tenant)");
    }
}
