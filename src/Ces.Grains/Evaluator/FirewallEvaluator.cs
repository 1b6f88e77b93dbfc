namespace Ces.Grains.Evaluator;

/// <summary>Decides what BIG-IP AFM does with a flow: global, then route-domain, then virtual-server context. Pure; built once, thread-safe.</summary>
/// <remarks>
/// <para>Semantics: in each context the first matching rule of the enforced policy decides there (rule lists expanded in
/// order). <c>accept</c> passes the flow to the next context; <c>accept-decisively</c> allows it and skips later contexts;
/// <c>drop</c> and <c>reject</c> deny it. A context with no policy or no matching rule passes the flow on: this assumes
/// the device runs AFM in ADC mode, whose default action is accept (CES needs nothing else, as its VS policy always
/// ends with a deny-all). A flow that passes the virtual server's context is allowed.</para>
/// <para>The virtual server is the most specific one in the flow's route domain (longest address prefix, then a set
/// port, then a set protocol) listening on the destination; with none, nothing listens and the packet is dropped.
/// <c>0.0.0.0</c>, <c>::</c> (with or without <c>/0</c>) listen on every destination of both families.</para>
/// <para>Route domains: an entry <c>10.0.0.5%2</c> or <c>10.0.0.0%2/16</c> matches only in route domain 2; an entry
/// without <c>%</c> matches in every route domain. AS3 puts no <c>%id</c> into firewall lists, since AFM rules are bound
/// to a context rather than to a route domain; CES's cluster source list carries each tenant's <c>%id</c>.</para>
/// <para>A rule side with no lists and no addresses matches any address; one with port lists matches only flows with a
/// port. FQDN entries match the addresses the caller's <see cref="FqdnTable"/> gives.</para>
/// <para>Staged policies (global, route domain, virtual server) never change the outcome. When a flow meets one, a second
/// walk uses each context's staged policy in place of its enforced one (the enforced one where none is staged) and is
/// reported in <see cref="Verdict.Staged"/>: what the flow would meet if the staged policies were enforced.</para>
/// </remarks>
public sealed class FirewallEvaluator
{
    private const string GlobalContext = "global";

    private readonly ProtocolIds _protocols;
    private readonly ContextPolicies _global;
    private readonly Dictionary<int, (string Name, ContextPolicies Policies)> _routeDomains;
    private readonly VirtualServerIndex _virtualServers;

    private FirewallEvaluator(ProtocolIds protocols, ContextPolicies global, Dictionary<int, (string, ContextPolicies)> routeDomains, VirtualServerIndex virtualServers, IReadOnlyList<string> warnings)
    {
        _protocols = protocols;
        _global = global;
        _routeDomains = routeDomains;
        _virtualServers = virtualServers;
        Warnings = warnings;
    }

    /// <summary>What did not resolve or parse (missing lists, bad entries); each such piece matches nothing.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The number of rules across all policies, rule lists expanded.</summary>
    public int RuleCount { get; private init; }

    /// <summary>Whether any context has a staged policy, so evaluation needs the second walk.</summary>
    public bool HasStaged { get; private init; }

    public static FirewallEvaluator Build(FirewallConfig config)
    {
        var warnings = new List<string>();
        var protocols = new ProtocolIds();
        var policies = new RuleCompiler(config, protocols, warnings).Policies();
        CompiledPolicy? Policy(string? path, string where)
        {
            if (path is null)
            {
                return null;
            }
            if (!policies.TryGetValue(path, out var policy))
            {
                warnings.Add($"{where}: policy {path} does not exist; the context has no policy");
            }
            return policy;
        }
        var routeDomains = new Dictionary<int, (string, ContextPolicies)>();
        foreach (var binding in config.RouteDomainPolicies)
        {
            routeDomains[binding.RouteDomain] = (binding.Name, new(Policy(binding.PolicyPath, binding.Name), Policy(binding.StagedPolicyPath, binding.Name)));
        }
        var servers = Servers(config, protocols, Policy, warnings);
        var global = new ContextPolicies(Policy(config.GlobalPolicy, GlobalContext), Policy(config.GlobalStagedPolicy, GlobalContext));
        return new FirewallEvaluator(protocols, global, routeDomains, new VirtualServerIndex(servers), warnings)
        {
            RuleCount = policies.Values.Sum(p => p.RuleCount),
            HasStaged = global.Staged is not null || routeDomains.Values.Any(r => r.Item2.Staged is not null) || servers.Any(s => s.Staged is not null),
        };
    }

    private static List<CompiledVirtualServer> Servers(
        FirewallConfig config, ProtocolIds protocols, Func<string?, string, CompiledPolicy?> policy, List<string> warnings)
    {
        var servers = new List<CompiledVirtualServer>();
        foreach (var vs in config.VirtualServers)
        {
            if (CompiledVirtualServer.Create(vs, protocols, policy(vs.EnforcedPolicy, vs.Path), policy(vs.StagedPolicy, vs.Path)) is { } compiled)
            {
                servers.Add(compiled);
            }
            else
            {
                warnings.Add($"virtual server {vs.Path}: destination '{vs.Destination}' is not an address or CIDR; ignored");
            }
        }
        return servers;
    }

    /// <summary>Evaluates a flow, resolving FQDN entries through an answer table (parsed on each call: prefer the <see cref="FqdnTable"/> overload for many flows).</summary>
    public Verdict Evaluate(Flow flow, IReadOnlyDictionary<string, IReadOnlyList<string>> fqdns) => Evaluate(flow, FqdnTable.From(fqdns));

    /// <summary>Evaluates a flow; FQDN entries match nothing without a table.</summary>
    public Verdict Evaluate(Flow flow, FqdnTable? fqdns = null)
    {
        ArgumentNullException.ThrowIfNull(flow);
        var key = new FlowKey(
            IpKey.Parse(flow.SourceIp, nameof(flow.SourceIp)), IpKey.Parse(flow.DestinationIp, nameof(flow.DestinationIp)),
            flow.RouteDomain, _protocols.Lookup(flow.Protocol), flow.Port, flow.SourcePort);
        var table = fqdns ?? FqdnTable.Empty;
        var enforced = Walk(key, table, staged: false, out _);
        if (!HasStaged)
        {
            return enforced;
        }
        var staged = Walk(key, table, staged: true, out var metStaged);
        return metStaged ? enforced with { Staged = staged } : enforced;
    }

    /// <summary>One pass through the contexts, with the enforced policies or (where bound) the staged ones.</summary>
    private Verdict Walk(in FlowKey key, FqdnTable table, bool staged, out bool metStaged)
    {
        var chain = new List<EvaluationStep>(3);
        metStaged = staged && _global.Staged is not null;
        var global = Step(ContextKind.Global, GlobalContext, _global.For(staged), key, table);
        chain.Add(global);
        if (Ends(global))
        {
            return Decide(global, chain);
        }
        var (name, policies) = _routeDomains.TryGetValue(key.RouteDomain, out var bound) ? bound : ("%" + key.RouteDomain, ContextPolicies.None);
        metStaged |= staged && policies.Staged is not null;
        var routeDomain = Step(ContextKind.RouteDomain, name, policies.For(staged), key, table);
        chain.Add(routeDomain);
        if (Ends(routeDomain))
        {
            return Decide(routeDomain, chain);
        }
        if (_virtualServers.Find(key) is not { } vs)
        {
            var none = new EvaluationStep(ContextKind.VirtualServer, EvaluationStep.NoVirtualServer, null, null, null, EvaluationStep.NoListener);
            chain.Add(none);
            return new Verdict(false, FirewallActions.Drop, none, chain);
        }
        metStaged |= staged && vs.Staged is not null;
        var server = Step(ContextKind.VirtualServer, vs.Path, staged ? vs.Staged ?? vs.Enforced : vs.Enforced, key, table);
        chain.Add(server);
        return Decide(server, chain);
    }

    private static EvaluationStep Step(ContextKind kind, string name, CompiledPolicy? policy, in FlowKey key, FqdnTable table)
    {
        if (policy is null)
        {
            return new EvaluationStep(kind, name, null, null, null, EvaluationStep.NoPolicy);
        }
        return policy.FirstMatch(key, table) is { } rule
            ? new EvaluationStep(kind, name, policy.Path, rule.RuleList, rule.Name, rule.Action)
            : new EvaluationStep(kind, name, policy.Path, null, null, EvaluationStep.NoMatch);
    }

    private static bool Ends(EvaluationStep step) => step.Matched && FirewallActions.IsFinal(step.Action);

    /// <summary>The outcome when evaluation stops at this step; an unmatched last context accepts (ADC mode).</summary>
    private static Verdict Decide(EvaluationStep step, IReadOnlyList<EvaluationStep> chain)
    {
        var action = step.Matched ? step.Action : FirewallActions.Accept;
        return new Verdict(FirewallActions.Allows(action), action, step, chain);
    }
}
