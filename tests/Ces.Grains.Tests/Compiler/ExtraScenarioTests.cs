using Ces.Abstractions.Config;
using Ces.Grains.Compiler;
using static Ces.Grains.Tests.Compiler.Build;

namespace Ces.Grains.Tests.Compiler;

/// <summary>The extra acceptance scenarios (i)–(ix) of ces-behaviour.md §6.</summary>
public class ExtraScenarioTests
{
    private static readonly CesConfig Flat = Config(commonNamespaces: "app");

    [Fact]
    public void Scenario_i_a_shrinking_ExternalService_list_removes_the_dropped_rule_list()
    {
        var snapshot = Snapshot([ExSvc("app", "a", ["1.1.1.1"]), ExSvc("app", "b", ["2.2.2.2"])],
            [NamespaceRule("app", "r", "accept", ["a", "b"])], pods: [Pod("app", "p", "10.0.0.1")]);
        var before = Compile(snapshot, Flat).Shared();
        var after = Compile(snapshot with { Rules = [NamespaceRule("app", "r", "accept", ["a"])] }, Flat).Shared();
        Assert.NotNull(before["k8s_ns_app_r_ext_b_rule_list"]);
        Assert.Null(after["k8s_ns_app_r_ext_b_rule_list"]);
        Assert.Null(after["k8s_ns_app_r_ext_b_address"]);
        Assert.Equal(["/Common/Shared/k8s_ns_app_r_ext_a_rule_list"], after["k8s_ns_policy_rd"].Uses());
    }

    [Fact]
    public void Scenario_ii_service_with_no_ready_endpoints_gets_no_source_less_rule()
    {
        var result = Compile(Snapshot([ExSvc("app", "a", ["1.1.1.1"])], [ServiceRule("app", "r", "accept", "web", ["a"])],
            slices: [Endpoints("app", "web", [], notReady: ["10.0.0.9"])]), Flat);
        var shared = result.Shared();
        Assert.Empty(shared.RuleObjects());
        Assert.Equal(["/Common/Shared/k8s_svc_deny_all_rule_list"], shared["k8s_svc_policy_rd"].Uses());
        Assert.Equal(RuleOutcomeKind.NoSources, result.Rules.Single().Kind);
        Assert.Contains(result.Diagnostics, d => d.Subject == "ServiceEgressRule app/r" && d.Message.Contains("no ready endpoints", StringComparison.Ordinal));
    }

    [Fact]
    public void Scenario_iii_namespace_without_the_CIDR_annotation_gets_no_empty_fqdn()
    {
        var config = Config(commonNamespaces: "app", namespaceSource: NamespaceSourceMode.KubeOvnCidr);
        var result = Compile(Snapshot([ExSvc("app", "a", ["1.1.1.1"])], [NamespaceRule("app", "r", "accept", ["a"])], [Namespace("app")]), config);
        Assert.DoesNotContain("\"\"", result.Tenants.Single().Json);
        Assert.Empty(result.Shared().RuleObjects());
        Assert.Equal(RuleOutcomeKind.NoSources, result.Rules.Single().Kind);
    }

    [Fact]
    public void Scenario_iv_deleting_one_of_two_ExternalServices_keeps_the_shared_source_list()
    {
        var result = Compile(Snapshot([ExSvc("app", "b", ["2.2.2.2"])], [ServiceRule("app", "r", "accept", "web", ["a", "b"])],
            slices: [Endpoints("app", "web", ["10.0.0.5"])]), Flat);
        var shared = result.Shared();
        Assert.Equal(["10.0.0.5"], shared["k8s_svc_app_r_ep_web_src_address"]!["addresses"].Strings());
        Assert.Equal("/Common/Shared/k8s_svc_app_r_ep_web_src_address",
            shared["k8s_svc_app_r_ext_b_rule_list"]!["rules"]![0]!["source"]!["addressLists"]![0]!["use"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("10.16.0.7", 2, "10.16.0.7%2")]
    [InlineData("10.16.0.7", 0, "10.16.0.7")]
    [InlineData("10.66.0.0/16", 12, "10.66.0.0%12/16")]
    [InlineData("fd00::5", 3, "fd00::5%3")]
    public void Scenario_v_pod_addresses_written_outside_AS3_carry_the_tenants_own_route_domain(string address, int routeDomain, string expected) =>
        Assert.Equal(expected, RouteDomainAddress.Qualify(address, routeDomain));

    [Fact]
    public void Scenario_vi_two_ports_of_one_protocol_without_bandwidth_merge_into_one_list()
    {
        var config = Config(clusterRuleSource: ClusterRuleSourceMode.Any);
        var shared = Compile(Snapshot([ExSvc("kube-system", "web", ["1.1.1.1"], Port("tcp", "80"), Port("tcp", "443"))],
            [ClusterRule("r", "accept", ["web"])]), config).Shared();
        Assert.Equal(["80", "443"], shared["k8s_global_r_ext_web_ports_tcp"]!["ports"].Strings());
        Assert.Single(shared["k8s_global_r_ext_web_rule_list"]!["rules"]!.AsArray());
    }

    [Fact]
    public void Scenario_vii_policy_order_is_stable_when_two_rule_lists_arrive_together()
    {
        var config = Config(clusterRuleSource: ClusterRuleSourceMode.Any);
        var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var exsvcs = new[] { ExSvc("kube-system", "x", ["1.1.1.1"]) };
        var a = ClusterRule("zeta", "accept", ["x"], created: t0);
        var b = ClusterRule("alpha", "accept", ["x"], created: t0.AddMinutes(1));
        var c = ClusterRule("beta", "accept", ["x"], created: t0.AddMinutes(1));
        var order1 = Compile(Snapshot(exsvcs, [a, b, c]), config).Shared()["k8s_system_global_policy"].Uses();
        var order2 = Compile(Snapshot(exsvcs, [c, b, a]), config).Shared()["k8s_system_global_policy"].Uses();
        Assert.Equal(order1, order2);
        Assert.Equal(["/Common/Shared/k8s_global_zeta_ext_x_rule_list", "/Common/Shared/k8s_global_alpha_ext_x_rule_list", "/Common/Shared/k8s_global_beta_ext_x_rule_list"], order1);
    }

    [Fact]
    public void Scenario_viii_a_tenant_whose_rules_are_all_gone_is_declared_empty_not_null()
    {
        var config = Config(routeDomains: true, tenants: [Tenant("p2", "app", 2, "rd2")]);
        var result = Compile(Snapshot(), config);
        var shared = result.Shared("p2");
        Assert.Empty(shared.RuleObjects());
        Assert.Equal(["/p2/Shared/k8s_svc_deny_all_rule_list"], shared["k8s_svc_policy_rd2"].Uses());
    }

    [Fact]
    public void Scenario_ix_an_ExternalService_shared_by_rules_of_every_scope_updates_all_of_them()
    {
        var config = Config(commonNamespaces: "kube-system", clusterRuleSource: ClusterRuleSourceMode.Any);
        var exsvc = ExSvc("kube-system", "dns", ["8.8.8.8", "8.8.4.4"], Port("udp", "53"));
        var rules = new Ces.Abstractions.Api.EgressRule[]
        {
            ClusterRule("c1", "accept-decisively", ["dns"]),
            ClusterRule("c2", "accept-decisively", ["dns"]),
            NamespaceRule("kube-system", "n1", "accept", ["dns"]),
            ServiceRule("kube-system", "s1", "accept", "coredns", ["dns"]),
        };
        var result = Compile(Snapshot([exsvc], rules, pods: [Pod("kube-system", "p", "10.0.0.2")], slices: [Endpoints("kube-system", "coredns", ["10.0.0.3"])]), config);
        var lists = result.Shared().Where(p => p.Key.EndsWith("_ext_dns_address", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, lists.Count);
        Assert.All(lists, l => Assert.Equal(["8.8.8.8", "8.8.4.4"], l.Value!["addresses"].Strings()));
    }
}
