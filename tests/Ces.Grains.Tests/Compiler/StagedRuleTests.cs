using Ces.Abstractions.Afm;
using Ces.Grains.Compiler;
using Ces.Grains.Explain;
using static Ces.Grains.Tests.Compiler.Build;

namespace Ces.Grains.Tests.Compiler;

/// <summary><c>spec.mode: staged</c> compiles to AFM staged policies: logged, never enforced; explain shows both verdicts.</summary>
public class StagedRuleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Ces.Abstractions.Api.ClusterSnapshot World(params Ces.Abstractions.Api.EgressRule[] rules) => Snapshot(
        exsvcs: [ExSvc("default", "db", ["211.6.6.7"], Port("tcp", "3306")), ExSvc("default", "api", ["8.8.8.8"], Port("tcp", "443")),
            ExSvc("kube-system", "dns", ["9.9.9.9"], Port("udp", "53"))],
        rules: rules,
        pods: [Pod("default", "mysql-0", "10.16.0.5")],
        slices: [Endpoints("default", "mysql", ["10.16.0.5"])]);

    private static readonly Ces.Abstractions.Config.CesConfig Cfg = Config(commonNamespaces: "default,kube-system");

    [Fact]
    public void A_staged_service_rule_goes_only_into_the_staged_svc_policy_which_the_virtual_server_references()
    {
        var result = Compile(World(
            ServiceRule("default", "live", "accept", "mysql", ["api"], created: T0),
            ServiceRule("default", "trial", "accept", "mysql", ["db"], created: T0.AddMinutes(1), mode: "staged")), Cfg);

        var shared = result.Shared();
        Assert.Equal(["/Common/Shared/k8s_svc_default_live_ext_api_rule_list", "/Common/Shared/k8s_svc_deny_all_rule_list"], shared["k8s_svc_policy_rd"].Uses());
        Assert.Equal(["/Common/Shared/k8s_svc_default_live_ext_api_rule_list", "/Common/Shared/k8s_svc_default_trial_ext_db_rule_list", "/Common/Shared/k8s_svc_deny_all_rule_list"],
            shared["k8s_svc_staged_policy_rd"].Uses());
        Assert.Equal("/Common/Shared/k8s_svc_staged_policy_rd", shared["k8s_outbound_vs"]!["policyFirewallStaged"]!["use"]!.GetValue<string>());
        Assert.DoesNotContain(result.Tenants[0].Bindings, b => b.Staged);
    }

    [Fact]
    public void Staged_namespace_and_cluster_rules_get_staged_policies_bound_to_the_route_domain_and_global_contexts()
    {
        var result = Compile(World(
            NamespaceRule("default", "ns-trial", "accept-decisively", ["api"], mode: "staged"),
            ClusterRule("c-trial", "drop", ["dns"], mode: "staged")), Cfg);

        var shared = result.Shared();
        Assert.Empty(shared["k8s_ns_policy_rd"]!["rules"]!.AsArray());
        Assert.Equal(["/Common/Shared/k8s_ns_default_ns-trial_ext_api_rule_list"], shared["k8s_ns_staged_policy_rd"].Uses());
        Assert.Equal(["/Common/Shared/k8s_global_c-trial_ext_dns_rule_list"], shared["k8s_system_global_staged_policy"].Uses());
        Assert.Null(shared["k8s_outbound_vs"]!["policyFirewallStaged"]);
        Assert.Equal(
            [
                new ContextBinding(ContextBindingKind.Global, null, "/Common/Shared/k8s_system_global_policy"),
                new ContextBinding(ContextBindingKind.Global, null, "/Common/Shared/k8s_system_global_staged_policy", Staged: true),
                new ContextBinding(ContextBindingKind.RouteDomain, "/Common/0", "/Common/Shared/k8s_ns_policy_rd"),
                new ContextBinding(ContextBindingKind.RouteDomain, "/Common/0", "/Common/Shared/k8s_ns_staged_policy_rd", Staged: true),
            ],
            result.Tenants[0].Bindings);
    }

    [Fact]
    public void Without_staged_rules_no_staged_object_appears()
    {
        var shared = Compile(World(ServiceRule("default", "live", "accept", "mysql", ["api"])), Cfg).Shared();

        Assert.DoesNotContain(shared, p => p.Key.Contains("staged", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("default/mysql-0", "211.6.6.7:3306/tcp", "deny", "allow", "virtual-server")]
    [InlineData("default/mysql-0", "8.8.8.8:443/tcp", "deny", "allow", "route-domain")]
    [InlineData("default/mysql-0", "9.9.9.9:53/udp", "deny", "deny", "global")]
    public void Explain_shows_the_enforced_and_the_staged_verdict(string from, string to, string enforced, string staged, string stagedContext)
    {
        var explainer = PolicyExplainer.Build(World(
            ServiceRule("default", "trial", "accept", "mysql", ["db"], mode: "staged"),
            NamespaceRule("default", "ns-trial", "accept-decisively", ["api"], mode: "staged"),
            ClusterRule("c-trial", "drop", ["dns"], mode: "staged")), Settings(Cfg));

        var answer = Assert.IsType<ExplainOutcome.Answered>(explainer.Explain(from, to)).Explanation;

        Assert.Equal(enforced, answer.Verdict);
        Assert.Equal(staged, answer.Staged.Verdict);
        Assert.True(answer.Staged.MetStaged);
        Assert.Equal(stagedContext, answer.Staged.Decision.Context);
        if (stagedContext != "virtual-server" || staged == "allow")
        {
            Assert.Equal("staged", answer.Staged.Decision.Rule!.Mode);
        }
    }

    [Fact]
    public void An_unknown_mode_makes_the_rule_invalid()
    {
        var result = PolicyCompiler.Compile(World(ServiceRule("default", "odd", "accept", "mysql", ["db"], mode: "audit")), Settings(Cfg));

        var outcome = Assert.Single(result.Rules);
        Assert.Equal(RuleOutcomeKind.Invalid, outcome.Kind);
        Assert.Contains("spec.mode", outcome.Message, StringComparison.Ordinal);
    }
}
