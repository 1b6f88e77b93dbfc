using Ces.Abstractions.Afm;
using Ces.Abstractions.Messages;
using Ces.Grains.Compiler;

namespace Ces.Grains.Partitions;

/// <summary>Decides how to bring a device from the last applied tenant to the desired one: nothing, address lists only, or a declaration.</summary>
public static class WritePlanner
{
    /// <summary>The address lists to replace when only their addresses changed; null when the structure changed or patching costs more.</summary>
    /// <remarks>Pod churn changes only source lists; sending those through iControl REST costs milliseconds, not an AS3 run —
    /// unless so many changed that the PATCHes, one at a time, would take longer than one declaration.</remarks>
    public static IReadOnlyList<AddressListUpdate>? FastPath(AfmTenant? applied, AfmTenant desired, int routeDomainId, int maxLists = int.MaxValue)
    {
        if (applied is null || applied.AddressLists.Count != desired.AddressLists.Count || applied with { AddressLists = desired.AddressLists } != desired)
        {
            return null;
        }
        var updates = new List<AddressListUpdate>();
        for (var i = 0; i < desired.AddressLists.Count; i++)
        {
            var (before, after) = (applied.AddressLists[i], desired.AddressLists[i]);
            if (before.Name != after.Name || before.Fqdns != after.Fqdns)
            {
                return null;
            }
            if (before.Addresses != after.Addresses)
            {
                updates.Add(new AddressListUpdate(desired.PathOf(after.Name), [.. after.Addresses.Select(a => RouteDomainAddress.Qualify(a, routeDomainId))]));
            }
        }
        return updates.Count <= maxLists ? updates : null;
    }
}
