namespace Ces.Grains.As3;

/// Which classes a `use` pointer may name, by the class of the item holding it and the property path to it.
internal static class As3PointerTargets
{
    /// <summary>The marker for an array level in a property path.</summary>
    public const string Element = "[]";

    private static readonly string[] AddressLists = ["Firewall_Address_List", "Net_Address_List"];
    private static readonly string[] PortLists = ["Firewall_Port_List", "Net_Port_List"];

    /// <summary>
    /// The allowed target classes for a pointer at <paramref name="path"/> (property names from the item,
    /// <see cref="Element"/> for array levels), or null when the context is unknown and only resolution is checked.
    /// </summary>
    public static IReadOnlyList<string>? For(string itemClass, IReadOnlyList<string> path)
    {
        var properties = path.Where(segment => segment != Element).ToArray();
        if (properties.Length == 0)
            return null;
        var last = properties[^1];
        var parent = properties.Length > 1 ? properties[^2] : null;
        var inArray = path[^1] == Element;

        if (last is "addressLists" && parent is "source" or "destination")
            return AddressLists;
        if (last is "portLists" && parent is "source" or "destination")
            return PortLists;

        return itemClass switch
        {
            _ when itemClass.StartsWith("Service_", StringComparison.Ordinal) && properties.Length == 1 => ForService(last, inArray),
            "Firewall_Policy" when properties is ["rules"] => ["Firewall_Rule_List"],
            "Firewall_Policy" or "Firewall_Rule_List" when properties is ["rules", "iRule"] => ["iRule"],
            "NAT_Policy" when properties is ["rules", "sourceTranslation"] => ["NAT_Source_Translation"],
            "NAT_Policy" when properties is ["rules", "securityLogProfile"] => ["Security_Log_Profile"],
            "Firewall_Address_List" or "Net_Address_List" when properties is ["addressLists"] => AddressLists,
            "Firewall_Port_List" or "Net_Port_List" when properties is ["portLists"] => PortLists,
            "Security_Log_Profile" when last == "publisher" => ["Log_Publisher"],
            "Log_Publisher" when properties is ["destinations"] => ["Log_Destination"],
            "Log_Destination" when properties is ["pool"] => ["Pool"],
            "Log_Destination" when properties is ["remoteHighSpeedLog"] or ["forwardTo"] => ["Log_Destination"],
            _ => null,
        };
    }

    private static string[]? ForService(string property, bool inArray) => property switch
    {
        "virtualAddresses" => inArray ? ["Service_Address"] : AddressLists,
        "sourceAddress" => AddressLists,
        "virtualPort" => PortLists,
        "policyFirewallEnforced" or "policyFirewallStaged" => ["Firewall_Policy"],
        "securityLogProfiles" => ["Security_Log_Profile"],
        "policyNAT" => ["NAT_Policy"],
        "pool" => ["Pool"],
        "ipIntelligencePolicy" => ["IP_Intelligence_Policy"],
        _ => null,
    };
}
