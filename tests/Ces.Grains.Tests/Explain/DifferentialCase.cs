using Ces.Abstractions.Api;
using Ces.Abstractions.Config;
using Ces.Grains.Compiler;
using Ces.Grains.Explain;
using Ces.Grains.Tests.Compiler;

namespace Ces.Grains.Tests.Explain;

/// <summary>A world and flow on which explain (AFM) and the CRD reference disagree, and how to make it smaller.</summary>
internal sealed record DifferentialCase(RandomWorld World, DifferentialFlow Flow, string Afm, string Reference)
{
    private const string Unanswered = "unanswered";

    /// <summary>Null when both evaluators give the same enforced verdict, staged verdict and deciding rule and ExternalService.</summary>
    public static DifferentialCase? Check(RandomWorld world, DifferentialFlow flow) =>
        Check(world, PolicyExplainer.Build(world.Snapshot, Build.Settings(world.Config)), new CrdReference(world.Config, world.Snapshot), flow);

    public static DifferentialCase? Check(RandomWorld world, PolicyExplainer explainer, CrdReference reference, DifferentialFlow flow)
    {
        if (explainer.Explain(flow.From, flow.To) is not ExplainOutcome.Answered { Explanation: var answer })
        {
            return new DifferentialCase(world, flow, Unanswered, "");
        }
        var query = new CrdReference.Query(answer.Source.Ip, RouteDomain(world, answer.Source), flow.Destination, flow.Protocol, flow.Port);
        var (enforced, staged) = (reference.Evaluate(query, staged: false), reference.Evaluate(query, staged: true));
        var afm = Describe(answer.Verdict == "allow", answer.Decision.Rule, answer.Staged.Verdict == "allow");
        var expected = $"{(enforced.Allowed ? "allow" : "deny")} by {enforced.Rule ?? "-"} via {enforced.ExternalService ?? "-"}; staged {(staged.Allowed ? "allow" : "deny")}";
        Tally?.Invoke(afm);
        return afm == expected ? null : new DifferentialCase(world, flow, afm, expected);
    }

    /// <summary>Removes rules, ExternalServices, pods, endpoints and namespaces one at a time while the disagreement stays.</summary>
    public static DifferentialCase Shrink(DifferentialCase failing)
    {
        var current = failing;
        for (var progress = true; progress;)
        {
            progress = false;
            foreach (var smaller in Smaller(current.World))
            {
                // A smaller world that can no longer answer (its pod removed) is a different failure, not a smaller one.
                if (Check(smaller, current.Flow) is { } still && (still.Afm != Unanswered || current.Afm == Unanswered))
                {
                    (current, progress) = (still, true);
                    break;
                }
            }
        }
        return current;
    }

    /// <summary>Sees every agreed answer, so the test can show how the cases spread (allow/deny, scopes, staged).</summary>
    public static Action<string>? Tally { get; set; }

    public override string ToString() => $"flow {Flow}\n  AFM (explain): {Afm}\n  CRD reference: {Reference}\nworld:\n{World.Describe()}";

    private static string Describe(bool allowed, ExplainedRule? rule, bool staged) =>
        $"{(allowed ? "allow" : "deny")} by {(rule is null ? "-" : new ObjectRef(rule.Kind, rule.Namespace, rule.Name).ToString())} "
        + $"via {(rule is null ? "-" : $"{CesApi.ExternalServiceKind} {rule.ExternalService}")}; staged {(staged ? "allow" : "deny")}";

    /// <summary>The reference's own route domain for the source: its namespace's tenant, from the config alone.</summary>
    public static int RouteDomain(RandomWorld world, ExplainedSource source)
    {
        var ns = source.Namespace ?? world.Snapshot.EndpointSlices.FirstOrDefault(s => s.Endpoints.Any(e => e.Addresses.Contains(source.Ip)))?.Metadata.Namespace;
        var tenant = world.Config.Tenants.FirstOrDefault(t => ns is not null && t.Namespaces.Contains(ns));
        return world.Config.IsSupportRouteDomain && tenant is not null && tenant.Name != CesConfig.CommonTenant ? tenant.RouteDomain.Id : 0;
    }

    private static IEnumerable<RandomWorld> Smaller(RandomWorld world)
    {
        var s = world.Snapshot;
        for (var i = 0; i < s.Rules.Count; i++)
            yield return world with { Snapshot = s with { Rules = [.. s.Rules.Where((_, j) => j != i)] } };
        for (var i = 0; i < s.ExternalServices.Count; i++)
            yield return world with { Snapshot = s with { ExternalServices = [.. s.ExternalServices.Where((_, j) => j != i)] } };
        for (var i = 0; i < s.Pods.Count; i++)
            yield return world with { Snapshot = s with { Pods = [.. s.Pods.Where((_, j) => j != i)] } };
        for (var i = 0; i < s.EndpointSlices.Count; i++)
            yield return world with { Snapshot = s with { EndpointSlices = [.. s.EndpointSlices.Where((_, j) => j != i)] } };
        for (var i = 0; i < s.Namespaces.Count; i++)
            yield return world with { Snapshot = s with { Namespaces = [.. s.Namespaces.Where((_, j) => j != i)] } };
    }
}
