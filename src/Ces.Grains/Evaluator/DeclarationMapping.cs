using System.Text.Json.Nodes;
using Ces.Abstractions.Afm;
using Ces.Grains.Compiler;

namespace Ces.Grains.Evaluator;

/// <summary>Maps the compiler's AFM model and bindings to the evaluator's input: what the device holds once they are applied.</summary>
/// <remarks>Route domains: Common is 0 and a tenant is its <c>defaultRouteDomain</c>, as AS3 applies it to addresses without <c>%</c>.</remarks>
internal static class DeclarationMapping
{
    public static FirewallConfig Map(IEnumerable<TenantDeclaration> declarations)
    {
        var addressLists = new List<FirewallAddressList>();
        var portLists = new List<FirewallPortList>();
        var ruleLists = new List<FirewallRuleList>();
        var policies = new List<FirewallPolicy>();
        var routeDomains = new List<RouteDomainPolicy>();
        var servers = new List<FirewallVirtualServer>();
        string? global = null;
        string? globalStaged = null;
        foreach (var declaration in declarations)
        {
            var tenant = declaration.Model;
            var routeDomain = tenant.DefaultRouteDomain ?? 0;
            addressLists.AddRange(tenant.AddressLists.Select(l => new FirewallAddressList(tenant.PathOf(l.Name), l.Addresses, l.Fqdns)));
            portLists.AddRange(tenant.PortLists.Select(l => new FirewallPortList(tenant.PathOf(l.Name), l.Ports)));
            ruleLists.AddRange(tenant.RuleLists.Select(l => new FirewallRuleList(tenant.PathOf(l.Name), [.. l.Rules.Select(Rule)])));
            policies.AddRange(tenant.Policies.Select(p => new FirewallPolicy(tenant.PathOf(p.Name), [.. p.RuleLists.Select(FirewallPolicyEntry.ListOf)])));
            foreach (var binding in declaration.Bindings.Where(b => b.Kind == ContextBindingKind.Global))
            {
                (global, globalStaged) = binding.Staged ? (global, binding.PolicyPath) : (binding.PolicyPath, globalStaged);
            }
            if (RouteDomain(declaration.Bindings, routeDomain) is { } routeDomainPolicy)
            {
                routeDomains.Add(routeDomainPolicy);
            }
            servers.Add(VirtualServer(tenant, routeDomain));
        }
        return new FirewallConfig([.. addressLists], [.. portLists], [.. ruleLists], [.. policies], global, [.. routeDomains], [.. servers], globalStaged);
    }

    /// <summary>The tenant's route-domain context: its enforced and (when bound) staged policy.</summary>
    private static RouteDomainPolicy? RouteDomain(IEnumerable<ContextBinding> bindings, int routeDomain)
    {
        var ofRouteDomain = bindings.Where(b => b.Kind == ContextBindingKind.RouteDomain).ToList();
        if (ofRouteDomain.Count == 0)
        {
            return null;
        }
        var name = ofRouteDomain[0].RouteDomainPath ?? "%" + routeDomain;
        return new RouteDomainPolicy(routeDomain, name, ofRouteDomain.FirstOrDefault(b => !b.Staged)?.PolicyPath, ofRouteDomain.FirstOrDefault(b => b.Staged)?.PolicyPath);
    }

    private static FirewallRule Rule(AfmRule rule) => new(
        rule.Name,
        rule.Action,
        rule.Protocol,
        new FirewallRuleEnd(AddressLists: rule.SourceAddressLists),
        new FirewallRuleEnd(AddressLists: rule.DestinationAddressLists, PortLists: rule.DestinationPortLists));

    /// <summary>CES's outbound VS: CES's default listener (any address, port, protocol), or what its config template sets.</summary>
    private static FirewallVirtualServer VirtualServer(AfmTenant tenant, int routeDomain)
    {
        var vs = tenant.VirtualServer;
        var template = vs.TemplateJson is { } json ? JsonNode.Parse(json) as JsonObject : null;
        var layer4 = template is null ? "any" : template["layer4"]?.GetValue<string>() ?? "tcp";  // AS3's Service_L4 default
        var port = template?["virtualPort"] is JsonValue value && value.TryGetValue<int>(out var p) ? p : 0;
        var staged = vs.StagedPolicyPath
            ?? (template?["policyFirewallStaged"] is JsonObject pointer ? (pointer["use"] ?? pointer["bigip"])?.GetValue<string>() : null);
        return new FirewallVirtualServer(tenant.PathOf(vs.Name), routeDomain, tenant.VirtualAddress.Address, port, layer4, vs.EnforcedPolicyPath, Resolve(tenant, staged));
    }

    /// <summary>AS3 <c>use</c> pointers may be relative (a bare name means the same application).</summary>
    private static string? Resolve(AfmTenant tenant, string? pointer) =>
        pointer is null || pointer.StartsWith('/') ? pointer : tenant.PathOf(pointer);
}
