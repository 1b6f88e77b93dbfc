using Ces.Abstractions.Config;
using Ces.Grains.Evaluator;
using static Ces.Grains.Tests.Compiler.Build;

namespace Ces.Grains.Tests.Evaluator;

/// <summary>End to end: the CES worked examples (ces-behaviour.md §4.15) compiled, then flows evaluated against the result.</summary>
public class CompiledPolicyTests
{
    private static FirewallEvaluator Evaluator(Ces.Grains.Compiler.CompileResult result)
    {
        var evaluator = FirewallEvaluator.Build(FirewallConfig.FromDeclarations(result.Tenants));
        Assert.Empty(evaluator.Warnings);
        return evaluator;
    }

    private static FirewallEvaluator ServiceRuleExample()
    {
        var config = Config(routeDomains: true, iRules: ["bwc-1mbps-irule"], tenants: [Tenant("p2", "default", 2, "rd2", ["1.16.10.22"])]);
        var exsvc4 = ExSvc("default", "exsvc4", ["211.6.6.7"], Port("TCP", "3306", "tcp-3306"), Port("TCP", "443", "tcp-443", "bwc-1mbps-irule"));
        var rule4 = ServiceRule("default", "rule4", "accept", "mysql-service", ["exsvc4"]);
        return Evaluator(Compile(Snapshot([exsvc4], [rule4], slices: [Endpoints("default", "mysql-service", ["10.16.0.5", "10.16.0.6"])]), config));
    }

    private static FirewallEvaluator NamespaceRuleExample()
    {
        var config = Config(cluster: "c2", master: "k8s", commonNamespaces: "project3,other", namespaceSource: NamespaceSourceMode.KubeOvnCidr);
        var a = ExSvc("project3", "a", ["100.100.1.1"]);
        var b = ExSvc("project3", "b", ["100.100.2.2"], Port("tcp", "22", "p"));
        return Evaluator(Compile(Snapshot([a, b], [NamespaceRule("project3", "rule3", "drop", ["a", "b"])],
            [Namespace("project3", "10.66.0.0/16"), Namespace("other", "10.67.0.0/16")]), config));
    }

    [Fact]
    public void A_pod_of_the_service_rule_Service_reaches_its_ExternalService_by_the_service_rule()
    {
        var verdict = ServiceRuleExample().Evaluate(new Flow("10.16.0.5", 2, "211.6.6.7", "tcp", 3306));

        Assert.True(verdict.Allowed);
        Assert.Equal(new EvaluationStep(ContextKind.VirtualServer, "/p2/Shared/k8s_outbound_vs", "/p2/Shared/k8s_svc_policy_rd2",
            "/p2/Shared/k8s_svc_default_rule4_ext_exsvc4_rule_list", "accept_exsvc4_tcp", "accept"), verdict.Decision);
        Assert.Equal(["global", "/p2/rd2", "/p2/Shared/k8s_outbound_vs"], verdict.Chain.Select(s => s.ContextName));
    }

    [Fact]
    public void A_pod_of_the_service_rule_Service_is_denied_elsewhere_by_the_deny_all()
    {
        var evaluator = ServiceRuleExample();

        foreach (var flow in new[] { new Flow("10.16.0.5", 2, "1.2.3.4", "tcp", 80), new Flow("10.16.0.5", 2, "211.6.6.7", "tcp", 3307) })
        {
            var verdict = evaluator.Evaluate(flow);
            Assert.False(verdict.Allowed);
            Assert.Equal("drop", verdict.Action);
            Assert.Equal(ContextKind.VirtualServer, verdict.Decision.Context);
            Assert.Equal("/p2/Shared/k8s_outbound_vs", verdict.Decision.ContextName);
            Assert.Equal("deny_all_rule", verdict.Decision.RuleName);
            Assert.Equal("/p2/Shared/k8s_svc_deny_all_rule_list", verdict.Decision.RuleListPath);
        }
    }

    [Fact]
    public void A_pod_outside_the_Service_is_denied_its_destination()
    {
        var verdict = ServiceRuleExample().Evaluate(new Flow("10.16.0.7", 2, "211.6.6.7", "tcp", 3306));

        Assert.Equal("deny_all_rule", verdict.Decision.RuleName);
    }

    [Fact]
    public void A_pod_matched_by_an_accept_decisively_cluster_rule_is_allowed_in_the_global_context()
    {
        var config = Config(commonNamespaces: "default");
        var exsvc1 = ExSvc("kube-system", "exsvc1", ["22.6.6.5", "10.0.0.0/8", "www.example.com"], Port("UDP", "53", "dns-udp"), Port("TCP", "53,8080-8090", "dns-tcp"));
        var result = Compile(Snapshot([exsvc1], [ClusterRule("rule1", "accept-decisively", ["exsvc1"])], pods: [Pod("default", "web", "10.16.0.9")]), config);
        var evaluator = Evaluator(result);
        var dns = FqdnTable.From(new Dictionary<string, IReadOnlyList<string>> { ["www.example.com"] = ["93.184.215.14"] });

        var verdict = evaluator.Evaluate(new Flow("10.16.0.9", 0, "22.6.6.5", "udp", 53), dns);
        Assert.True(verdict.Allowed);
        Assert.Equal(new EvaluationStep(ContextKind.Global, "global", "/Common/Shared/k8s_system_global_policy",
            "/Common/Shared/k8s_global_rule1_ext_exsvc1_rule_list", "accept-decisively_exsvc1_udp", "accept-decisively"), verdict.Decision);
        Assert.Single(verdict.Chain);
        Assert.Equal("accept-decisively_exsvc1_tcp", evaluator.Evaluate(new Flow("10.16.0.9", 0, "93.184.215.14", "tcp", 8085), dns).Decision.RuleName);
        Assert.False(evaluator.Evaluate(new Flow("192.168.99.1", 0, "22.6.6.5", "udp", 53), dns).Allowed);
    }

    [Fact]
    public void Cluster_rule_sources_carry_the_route_domain_of_their_tenant()
    {
        var config = Config(routeDomains: true, tenants: [Tenant("p2", "default", 2, "rd2")]);
        var exsvc = ExSvc("kube-system", "ntp", ["203.0.113.123"], Port("UDP", "123", "ntp"));
        var evaluator = Evaluator(Compile(Snapshot([exsvc], [ClusterRule("ntp", "accept-decisively", ["ntp"])], pods: [Pod("default", "web", "10.16.0.9")]), config));

        Assert.True(evaluator.Evaluate(new Flow("10.16.0.9", 2, "203.0.113.123", "udp", 123)).Allowed);
        var otherDomain = evaluator.Evaluate(new Flow("10.16.0.9", 0, "203.0.113.123", "udp", 123));
        Assert.False(otherDomain.Allowed);
        Assert.Equal("deny_all_rule", otherDomain.Decision.RuleName);
    }

    [Fact]
    public void A_namespace_drop_rule_denies_its_pods_in_the_route_domain_context()
    {
        var verdict = NamespaceRuleExample().Evaluate(new Flow("10.66.1.1", 0, "100.100.1.1", "icmp", null));

        Assert.False(verdict.Allowed);
        Assert.Equal(new EvaluationStep(ContextKind.RouteDomain, "/Common/0", "/Common/Shared/k8s_ns_policy_rd",
            "/Common/Shared/c2_ns_project3_rule3_ext_a_rule_list", "drop_a_any", "drop"), verdict.Decision);
        Assert.Equal("drop_b_tcp", NamespaceRuleExample().Evaluate(new Flow("10.66.1.1", 0, "100.100.2.2", "tcp", 22)).Decision.RuleName);
    }

    [Fact]
    public void A_pod_of_another_namespace_is_not_matched_by_the_namespace_rule()
    {
        var verdict = NamespaceRuleExample().Evaluate(new Flow("10.67.0.1", 0, "100.100.1.1", "tcp", 443));

        Assert.Equal(EvaluationStep.NoMatch, verdict.Chain[1].Action);
        Assert.Equal(ContextKind.VirtualServer, verdict.Decision.Context);
        Assert.Equal("deny_all_rule", verdict.Decision.RuleName);
    }

    [Fact]
    public void The_adapter_maps_bindings_route_domains_and_the_outbound_virtual_server()
    {
        var config = Config(routeDomains: true, tenants: [Tenant("p2", "default", 2, "rd2")]);
        var firewall = FirewallConfig.FromDeclarations(Compile(Snapshot(), config).Tenants);

        Assert.Equal("/Common/Shared/k8s_system_global_policy", firewall.GlobalPolicy);
        Assert.Equal([new RouteDomainPolicy(0, "/Common/0", "/Common/Shared/k8s_ns_policy_0"), new RouteDomainPolicy(2, "/p2/rd2", "/p2/Shared/k8s_ns_policy_rd2")],
            firewall.RouteDomainPolicies.OrderBy(r => r.RouteDomain));
        Assert.Contains(new FirewallVirtualServer("/p2/Shared/k8s_outbound_vs", 2, "0.0.0.0", 0, "any", "/p2/Shared/k8s_svc_policy_rd2"), firewall.VirtualServers);
    }
}
