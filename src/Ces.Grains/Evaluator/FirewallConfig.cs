using Ces.Abstractions.Collections;
using Ces.Grains.Compiler;

namespace Ces.Grains.Evaluator;

/// <summary>The device's AFM state as the evaluator needs it, independent of AS3 JSON and of the compiler's model.</summary>
/// <remarks>Paths are full BIG-IP paths (<c>/T/Shared/name</c>); references between objects use them.</remarks>
/// <param name="GlobalPolicy">The global context's enforced policy, or null when none is bound.</param>
/// <param name="GlobalStagedPolicy">The global context's staged policy, or null when none is bound.</param>
public sealed record FirewallConfig(
    EquatableArray<FirewallAddressList> AddressLists,
    EquatableArray<FirewallPortList> PortLists,
    EquatableArray<FirewallRuleList> RuleLists,
    EquatableArray<FirewallPolicy> Policies,
    string? GlobalPolicy,
    EquatableArray<RouteDomainPolicy> RouteDomainPolicies,
    EquatableArray<FirewallVirtualServer> VirtualServers,
    string? GlobalStagedPolicy = null)
{
    /// <summary>The state the compiler's declarations leave on a device once AS3 applied them and the bindings were made.</summary>
    public static FirewallConfig FromDeclarations(IEnumerable<TenantDeclaration> declarations) =>
        DeclarationMapping.Map(declarations);
}
