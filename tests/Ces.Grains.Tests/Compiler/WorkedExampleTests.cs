using Ces.Abstractions.Config;
using static Ces.Grains.Tests.Compiler.Build;

namespace Ces.Grains.Tests.Compiler;

/// <summary>The three worked examples of ces-behaviour.md §4.15, with the bugs they show fixed.</summary>
public class WorkedExampleTests
{
    private static readonly Ces.Abstractions.Api.ExternalService Exsvc1 = ExSvc("kube-system", "exsvc1", ["22.6.6.5", "10.0.0.0/8", "www.example.com"],
        Port("UDP", "53", "dns-udp"), Port("TCP", "53,8080-8090", "dns-tcp"));

    [Fact]
    public void Example1_cluster_rule_in_single_tenant_mode_gives_CES_objects_and_names()
    {
        var config = Config(clusterRuleSource: ClusterRuleSourceMode.Any);
        var result = Compile(Snapshot([Exsvc1], [ClusterRule("rule1", "accept-decisively", ["exsvc1"], logging: true)]), config);

        var shared = result.Shared();
        var address = shared["k8s_global_rule1_ext_exsvc1_address"]!;
        Assert.Equal("Firewall_Address_List", address["class"]!.GetValue<string>());
        Assert.Equal(["22.6.6.5", "10.0.0.0/8"], address["addresses"].Strings());
        Assert.Equal(["www.example.com"], address["fqdns"].Strings());
        Assert.Equal(["53"], shared["k8s_global_rule1_ext_exsvc1_ports_udp"]!["ports"].Strings());
        Assert.Equal(["53", "8080-8090"], shared["k8s_global_rule1_ext_exsvc1_ports_tcp"]!["ports"].Strings());

        var rules = shared["k8s_global_rule1_ext_exsvc1_rule_list"]!["rules"]!.AsArray();
        Assert.Equal(["accept-decisively_exsvc1_tcp", "accept-decisively_exsvc1_udp"], rules.Select(r => r!["name"]!.GetValue<string>()));
        var udp = rules[1]!;
        Assert.Equal("udp", udp["protocol"]!.GetValue<string>());
        Assert.Equal("accept-decisively", udp["action"]!.GetValue<string>());
        Assert.True(udp["loggingEnabled"]!.GetValue<bool>());
        Assert.Empty(udp["source"]!.AsObject());
        Assert.Equal("/Common/Shared/k8s_global_rule1_ext_exsvc1_address", udp["destination"]!["addressLists"]![0]!["use"]!.GetValue<string>());
        Assert.Equal("/Common/Shared/k8s_global_rule1_ext_exsvc1_ports_udp", udp["destination"]!["portLists"]![0]!["use"]!.GetValue<string>());

        Assert.Equal(["/Common/Shared/k8s_global_rule1_ext_exsvc1_rule_list"], shared["k8s_system_global_policy"].Uses());
        Assert.Empty(shared["k8s_ns_policy_rd"].Uses());
        Assert.Equal(["/Common/Shared/k8s_svc_deny_all_rule_list"], shared["k8s_svc_policy_rd"].Uses());
        Assert.Equal("192.168.10.1", shared["k8s_gw_pool"]!["members"]![0]!["serverAddresses"]![0]!.GetValue<string>());
        Assert.Equal("0.0.0.0", shared["k8s_outbound_va"]!["virtualAddress"]!.GetValue<string>());
        var vs = shared["k8s_outbound_vs"]!;
        Assert.Equal("Service_L4", vs["class"]!.GetValue<string>());
        Assert.Equal("auto", vs["snat"]!.GetValue<string>());
        Assert.Equal("k8s_gw_pool", vs["pool"]!.GetValue<string>());
        Assert.Equal("/Common/Shared/k8s_svc_policy_rd", vs["policyFirewallEnforced"]!["use"]!.GetValue<string>());
        Assert.Equal("/Common/Shared/k8s_outbound_va", vs["virtualAddresses"]![0]!["use"]!.GetValue<string>());

        var declaration = result.Declaration();
        Assert.Equal("k8s-ces-controller", declaration["declaration"]!["id"]!.GetValue<string>());
        Assert.Equal("selective", declaration["declaration"]!["updateMode"]!.GetValue<string>());
        Assert.Equal("shared", shared["template"]!.GetValue<string>());
        Assert.Contains(result.Tenants.Single().Bindings, b => b.PolicyPath == "/Common/Shared/k8s_system_global_policy");
    }

    [Fact]
    public void Example1_deleting_the_rule_leaves_only_the_tenant_defaults()
    {
        var config = Config(clusterRuleSource: ClusterRuleSourceMode.Any);
        var result = Compile(Snapshot([Exsvc1]), config);

        var shared = result.Shared();
        Assert.Empty(shared.RuleObjects());
        Assert.Empty(shared["k8s_system_global_policy"].Uses());
        Assert.NotNull(shared["k8s_outbound_vs"]);
        Assert.NotNull(shared["k8s_svc_deny_all_rule_list"]);
    }

    [Fact]
    public void Example2_service_rule_in_route_domain_mode_makes_a_tenant_with_its_route_domain()
    {
        var config = Config(routeDomains: true, iRules: ["bwc-1mbps-irule"], tenants: [Tenant("p2", "default", 2, "rd2", ["1.16.10.22"])]);
        var exsvc4 = ExSvc("default", "exsvc4", ["211.6.6.7"], Port("TCP", "3306", "tcp-3306"), Port("TCP", "443", "tcp-443", "bwc-1mbps-irule"));
        var rule4 = ServiceRule("default", "rule4", "accept", "mysql-service", ["exsvc4"]);
        var result = Compile(Snapshot([exsvc4], [rule4], slices: [Endpoints("default", "mysql-service", ["10.16.0.5", "10.16.0.6"])]), config);

        var declaration = result.Declaration("p2");
        Assert.Null(declaration["declaration"]!["Common"]);
        Assert.Equal(2, declaration["declaration"]!["p2"]!["defaultRouteDomain"]!.GetValue<int>());
        var shared = result.Shared("p2");
        Assert.Equal(["10.16.0.5", "10.16.0.6"], shared["k8s_svc_default_rule4_ep_mysql-service_src_address"]!["addresses"].Strings());
        Assert.Equal(["3306"], shared["k8s_svc_default_rule4_ext_exsvc4_ports_tcp"]!["ports"].Strings());
        Assert.Equal(["443"], shared["k8s_svc_default_rule4_ext_exsvc4_ports_tcp-443"]!["ports"].Strings());
        var rules = shared["k8s_svc_default_rule4_ext_exsvc4_rule_list"]!["rules"]!.AsArray();
        Assert.Equal(["accept_exsvc4_tcp", "accept_exsvc4_tcp-443"], rules.Select(r => r!["name"]!.GetValue<string>()));
        Assert.Null(rules[0]!["iRule"]);
        Assert.Equal("/Common/bwc-1mbps-irule", rules[1]!["iRule"]!["bigip"]!.GetValue<string>());
        Assert.Equal("/p2/Shared/k8s_svc_default_rule4_ep_mysql-service_src_address", rules[1]!["source"]!["addressLists"]![0]!["use"]!.GetValue<string>());
        Assert.Equal(["/p2/Shared/k8s_svc_default_rule4_ext_exsvc4_rule_list", "/p2/Shared/k8s_svc_deny_all_rule_list"], shared["k8s_svc_policy_rd2"].Uses());
        Assert.Empty(shared["k8s_ns_policy_rd2"].Uses());
        Assert.Equal("/p2/Shared/k8s_svc_policy_rd2", shared["k8s_outbound_vs"]!["policyFirewallEnforced"]!["use"]!.GetValue<string>());
        Assert.DoesNotContain("%", result.Tenants.Single(t => t.Tenant == "p2").Json);
    }

    [Fact]
    public void Example3_namespace_rule_with_two_clusters_uses_cluster_and_master_prefixes()
    {
        var config = Config(cluster: "c2", master: "k8s", commonNamespaces: "project3", namespaceSource: NamespaceSourceMode.KubeOvnCidr);
        var a = ExSvc("project3", "a", ["100.100.1.1"]);
        var b = ExSvc("project3", "b", ["100.100.2.2"], Port("tcp", "22", "p"));
        var ns = Namespace("project3", "10.66.0.0/16");
        var result = Compile(Snapshot([a, b], [NamespaceRule("project3", "rule3", "drop", ["a", "b"])], [ns]), config);

        var shared = result.Shared();
        Assert.Equal(["10.66.0.0/16"], shared["c2_ns_project3_rule3_src_address"]!["addresses"].Strings());
        var dropA = shared["c2_ns_project3_rule3_ext_a_rule_list"]!["rules"]![0]!;
        Assert.Equal("drop_a_any", dropA["name"]!.GetValue<string>());
        Assert.Null(dropA["protocol"]);
        Assert.Null(dropA["destination"]!["portLists"]);
        Assert.Equal("drop_b_tcp", shared["c2_ns_project3_rule3_ext_b_rule_list"]!["rules"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(["22"], shared["c2_ns_project3_rule3_ext_b_ports_tcp"]!["ports"].Strings());
        Assert.Equal(["/Common/Shared/c2_ns_project3_rule3_ext_a_rule_list", "/Common/Shared/c2_ns_project3_rule3_ext_b_rule_list"], shared["k8s_ns_policy_rd"].Uses());
        Assert.NotNull(shared["k8s_outbound_vs"]);
        Assert.NotNull(shared["k8s_gw_pool"]);
        Assert.Contains(result.Tenants.Single().Bindings, binding => binding.RouteDomainPath == "/Common/0" && binding.PolicyPath == "/Common/Shared/k8s_ns_policy_rd");
    }

    [Fact]
    public void Example3_removing_an_ExternalService_from_the_rule_revokes_it()
    {
        var config = Config(cluster: "c2", master: "k8s", commonNamespaces: "project3", namespaceSource: NamespaceSourceMode.KubeOvnCidr);
        var a = ExSvc("project3", "a", ["100.100.1.1"]);
        var b = ExSvc("project3", "b", ["100.100.2.2"], Port("tcp", "22", "p"));
        var result = Compile(Snapshot([a, b], [NamespaceRule("project3", "rule3", "drop", ["a"])], [Namespace("project3", "10.66.0.0/16")]), config);

        var shared = result.Shared();
        Assert.Null(shared["c2_ns_project3_rule3_ext_b_rule_list"]);
        Assert.Null(shared["c2_ns_project3_rule3_ext_b_ports_tcp"]);
        Assert.Equal(["/Common/Shared/c2_ns_project3_rule3_ext_a_rule_list"], shared["k8s_ns_policy_rd"].Uses());
    }
}
