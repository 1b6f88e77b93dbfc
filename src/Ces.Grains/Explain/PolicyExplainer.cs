using Ces.Abstractions.Api;
using Ces.Grains.Compiler;
using Ces.Grains.Evaluator;

namespace Ces.Grains.Explain;

/// <summary>Answers "can this source reach that destination" in CES terms, from the compiled AFM state. Pure; build once, ask many.</summary>
public sealed class PolicyExplainer
{
    /// <summary>Stands for a DNS name's answers: only address-list entries naming the FQDN resolve to it (TEST-NET-2, RFC 5737).</summary>
    public const string FqdnStandIn = "198.51.100.254";

    private readonly SourceResolver _sources;
    private readonly RuleOrigins _origins;
    private readonly HashSet<string> _knownFqdns;

    private PolicyExplainer(ClusterSnapshot snapshot, CompilerSettings settings, CompileResult result)
    {
        Snapshot = snapshot;
        Result = result;
        Evaluator = FirewallEvaluator.Build(FirewallConfig.FromDeclarations(result.Tenants));
        _sources = new SourceResolver(snapshot, TenantMap.For(settings.Config));
        _origins = new RuleOrigins(result, new As3Names(settings.Config.ClusterName, settings.Config.MasterCluster));
        _knownFqdns = new HashSet<string>(result.Tenants.SelectMany(t => t.Model.AddressLists).SelectMany(l => l.Fqdns).Select(f => f.TrimEnd('.')), StringComparer.OrdinalIgnoreCase);
    }

    public ClusterSnapshot Snapshot { get; }

    /// <summary>The desired state explained: one declaration per tenant, as the controller sends them.</summary>
    public CompileResult Result { get; }

    public FirewallEvaluator Evaluator { get; }

    /// <summary>Compiles the snapshot and builds the evaluator over the declarations it gives.</summary>
    public static PolicyExplainer Build(ClusterSnapshot snapshot, CompilerSettings settings) =>
        new(snapshot, settings, PolicyCompiler.Compile(snapshot, settings));

    /// <summary>Explains a flow from <paramref name="from"/> (<c>NAMESPACE/POD</c> or IP) to <paramref name="to"/> (<c>HOST:PORT/PROTO</c>).</summary>
    public ExplainOutcome Explain(string from, string to)
    {
        if (DestinationSpec.TryParse(to, out var toError) is not { } destination)
        {
            return new ExplainOutcome.Failed(toError);
        }
        var notes = new List<string>();
        var ipv6 = !destination.IsFqdn && destination.Host.Contains(':', StringComparison.Ordinal);
        if (_sources.Resolve(from ?? "", ipv6, notes, out var fromError) is not { } source)
        {
            return new ExplainOutcome.Failed(fromError);
        }
        if (source.Namespace is { } ns && source.Tenant is null)
        {
            notes.Add($"namespace {ns} is mapped to no tenant in ces-conf.yaml: CES enforces none of its namespace or service rules");
        }
        var target = new ExplainedDestination(destination.Input, destination.IsFqdn ? FqdnStandIn : destination.Host,
            destination.IsFqdn ? destination.Host : null, destination.Protocol, destination.Port);
        var fqdns = destination.IsFqdn ? FqdnTable.From(new Dictionary<string, IReadOnlyList<string>> { [destination.Host] = [FqdnStandIn] }) : null;
        if (destination.IsFqdn)
        {
            notes.Add(FqdnNote(destination.Host));
        }
        var verdict = Evaluator.Evaluate(new Flow(source.Ip, source.RouteDomain, target.Ip, destination.Protocol, destination.Port), fqdns);
        return new ExplainOutcome.Answered(Explain(verdict, source, target, notes));
    }

    /// <summary>Maps an evaluator verdict to CES terms.</summary>
    public Explanation Explain(Verdict verdict, ExplainedSource source, ExplainedDestination destination, IReadOnlyList<string> notes)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        var chain = Steps(verdict);
        var staged = verdict.Staged is { } s ? Steps(s) : chain;
        var stagedVerdict = verdict.Staged ?? verdict;
        return new Explanation(
            Explanation.VerdictOf(verdict.Allowed), verdict.Action, source, destination, chain[^1], chain,
            new StagedExplanation(Explanation.VerdictOf(stagedVerdict.Allowed), stagedVerdict.Action, verdict.Staged is not null,
                stagedVerdict.Allowed != verdict.Allowed, staged[^1], staged),
            notes);
    }

    private string FqdnNote(string fqdn) => _knownFqdns.Contains(fqdn.TrimEnd('.'))
        ? $"{fqdn} is matched by name: the device resolves the DNS names in ExternalService address lists itself, so the entries naming {fqdn} match; "
            + "an IP or CIDR entry would match too if it holds the address DNS gives the pod (not resolved here)"
        : $"no ExternalService names {fqdn}: on the device only IP or CIDR entries holding the address it resolves to could match (not resolved here)";

    private List<ExplainedStep> Steps(Verdict verdict)
    {
        var steps = new List<ExplainedStep>(verdict.Chain.Count);
        for (var i = 0; i < verdict.Chain.Count; i++)
        {
            var last = i == verdict.Chain.Count - 1;
            steps.Add(Step(verdict.Chain[i], last ? Explanation.VerdictOf(verdict.Allowed) : "next context"));
        }
        return steps;
    }

    private ExplainedStep Step(EvaluationStep step, string outcome)
    {
        var context = step.Context switch
        {
            ContextKind.Global => "global",
            ContextKind.RouteDomain => "route-domain",
            _ => "virtual-server",
        };
        var rule = _origins.Find(step.RuleListPath, step.RuleName);
        var reason = step switch
        {
            { Action: EvaluationStep.NoListener } => "no virtual server listens for this destination in the route domain, so the packet is dropped",
            { Action: EvaluationStep.NoPolicy } => $"no policy is bound here; {Passed(outcome)}",
            { Action: EvaluationStep.NoMatch } => $"no rule matched; {Passed(outcome)}",
            { RuleName: As3Names.DenyAllRule } => "no service rule matched, so the service policy's closing deny-all drops it (egress is allow-list based)",
            _ when rule is not null => $"{step.Action} by {rule}; {Passed(outcome)}",
            _ => $"{step.Action} by AFM rule {step.RuleName} (not a CES object); {Passed(outcome)}",
        };
        return new ExplainedStep(context, step.ContextName, step.PolicyPath, step.RuleListPath, step.RuleName, step.Action, outcome, rule, reason);
    }

    private static string Passed(string outcome) => outcome switch
    {
        "next context" => "passed on to the next context",
        Explanation.Allow => "allowed",
        _ => "denied",
    };
}
