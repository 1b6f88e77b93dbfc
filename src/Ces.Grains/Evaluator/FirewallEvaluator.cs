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
/// port. FQDN entries match the addresses the caller's <see cref="FqdnTable"/> gives. Staged policies are evaluated
/// for flows that reach their virtual server and reported in <see cref="Verdict.Staged"/>; they never change the outcome.</para>
/// </remarks>
public sealed class FirewallEvaluator
{
    private const string GlobalContext = "global";

    private readonly ProtocolIds _protocols;
    private readonly CompiledPolicy? _global;
    private readonly Dictionary<int, (string Name, CompiledPolicy? Policy)> _routeDomains;
    private readonly VirtualServerIndex _virtualServers;

    private FirewallEvaluator(ProtocolIds protocols, CompiledPolicy? global, Dictionary<int, (string, CompiledPolicy?)> routeDomains, VirtualServerIndex virtualServers, IReadOnlyList<string> warnings)
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
        var routeDomains = new Dictionary<int, (string, CompiledPolicy?)>();
        foreach (var binding in config.RouteDomainPolicies)
        {
            routeDomains[binding.RouteDomain] = (binding.Name, Policy(binding.PolicyPath, binding.Name));
        }
        var servers = Servers(config, protocols, Policy, warnings);
        var global = Policy(config.GlobalPolicy, GlobalContext);
        return new FirewallEvaluator(protocols, global, routeDomains, new VirtualServerIndex(servers), warnings)
        {
            RuleCount = policies.Values.Sum(p => p.RuleCount),
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
        var chain = new List<EvaluationStep>(3);

        var global = Step(ContextKind.Global, GlobalContext, _global, key, table);
        chain.Add(global);
        if (Ends(global))
        {
            return Decide(global, chain);
        }
        var (name, policy) = _routeDomains.TryGetValue(key.RouteDomain, out var bound) ? bound : ("%" + key.RouteDomain, null);
        var routeDomain = Step(ContextKind.RouteDomain, name, policy, key, table);
        chain.Add(routeDomain);
        if (Ends(routeDomain))
        {
            return Decide(routeDomain, chain);
        }
        return VirtualServerContext(key, table, chain);
    }

    private Verdict VirtualServerContext(in FlowKey key, FqdnTable table, List<EvaluationStep> chain)
    {
        if (_virtualServers.Find(key) is not { } vs)
        {
            var none = new EvaluationStep(ContextKind.VirtualServer, EvaluationStep.NoVirtualServer, null, null, null, EvaluationStep.NoListener);
            chain.Add(none);
            return new Verdict(false, FirewallActions.Drop, none, chain);
        }
        Verdict? staged = null;
        if (vs.Staged is not null)
        {
            var stagedStep = Step(ContextKind.VirtualServer, vs.Path, vs.Staged, key, table);
            staged = Decide(stagedStep, [.. chain, stagedStep]);
        }
        var enforced = Step(ContextKind.VirtualServer, vs.Path, vs.Enforced, key, table);
        chain.Add(enforced);
        return Decide(enforced, chain) with { Staged = staged };
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
