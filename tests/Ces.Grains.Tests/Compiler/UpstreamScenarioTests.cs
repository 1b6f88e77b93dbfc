using System.Text.Json.Nodes;
using Ces.Abstractions.Config;
using static Ces.Grains.Tests.Compiler.Build;

namespace Ces.Grains.Tests.Compiler;

/// <summary>The scenarios of CES 0.5's own unit tests (ces-behaviour.md §6), asserted on the objects they produce.</summary>
public class UpstreamScenarioTests
{
    private static readonly CesConfig AnySourceConfig = Config(clusterRuleSource: ClusterRuleSourceMode.Any, gateways: ["192.168.132.1"]);

    private static readonly Ces.Abstractions.Api.ExternalService Test1 = ExSvc("kube-system", "exsvc-test1", ["192.168.1.0", "192.168.2.0"], Port("tcp", "8080"));
    private static readonly Ces.Abstractions.Api.ExternalService Test2 = ExSvc("kube-system", "exsvc-test2", ["192.168.10.0", "192.168.20.0"], Port("tcp", "8081"), Port("udp", "9090"));
    private static readonly Ces.Abstractions.Api.ExternalService Test3 = ExSvc("kube-system", "exsvc-test3", ["182.16.16.19", "182.181.1.1"], Port("tcp", "1010"), Port("udp", "2020"));

    [Fact]
    public void Scenario01_declaration_holds_one_tenant_with_a_Shared_application()
    {
        var declaration = Compile(Snapshot(), AnySourceConfig).Declaration();
        var adc = declaration["declaration"]!.AsObject();
        Assert.Equal("AS3", declaration["class"]!.GetValue<string>());
        Assert.Equal("ADC", adc["class"]!.GetValue<string>());
        Assert.Equal(["Common"], adc.Where(p => p.Value is JsonObject o && o["class"]?.GetValue<string>() == "Tenant").Select(p => p.Key));
        Assert.Equal("Application", adc["Common"]!["Shared"]!["class"]!.GetValue<string>());
    }

    [Fact]
    public void Scenario02_a_rule_list_appears_in_its_policy_once()
    {
        var result = Compile(Snapshot([Test1], [ClusterRule("test", "accept", ["exsvc-test1", "exsvc-test1"])]), AnySourceConfig);
        Assert.Equal(["/Common/Shared/k8s_global_test_ext_exsvc-test1_rule_list"], result.Shared()["k8s_system_global_policy"].Uses());
    }

    [Fact]
    public void Scenario03_route_domain_mode_keeps_each_tenant_to_its_own_objects()
    {
        var config = Config(cluster: "dwb", routeDomains: true, tenants: [Tenant("partition2", "test1", 2, "rd2"), Tenant("partition3", "test2", 3, "rd3")]);
        var snapshot = Snapshot(
            [ExSvc("test1", "x", ["1.1.1.1"], Port("tcp", "80")), ExSvc("test2", "y", ["2.2.2.2"], Port("udp", "53"))],
            [NamespaceRule("test1", "nsgr1", "accept", ["x"]), NamespaceRule("test2", "nsgr2", "accept", ["y"])],
            pods: [Pod("test1", "a", "10.3.0.5"), Pod("test2", "b", "10.4.0.5")]);
        var result = Compile(snapshot, config);

        Assert.Equal(["Common", "partition2", "partition3"], result.Tenants.Select(t => t.Tenant));
        Assert.Equal(["dwb_ns_test1_nsgr1_ext_x_address", "dwb_ns_test1_nsgr1_ext_x_ports_tcp", "dwb_ns_test1_nsgr1_ext_x_rule_list", "dwb_ns_test1_nsgr1_src_address"],
            result.Shared("partition2").RuleObjects());
        Assert.Equal(["dwb_ns_test2_nsgr2_ext_y_address", "dwb_ns_test2_nsgr2_ext_y_ports_udp", "dwb_ns_test2_nsgr2_ext_y_rule_list", "dwb_ns_test2_nsgr2_src_address"],
            result.Shared("partition3").RuleObjects());
        Assert.Equal(3, result.Declaration("partition3")["declaration"]!["partition3"]!["defaultRouteDomain"]!.GetValue<int>());
        Assert.Empty(result.Shared().RuleObjects());
    }

    [Fact]
    public void Scenario04_empty_cluster_gives_Common_with_the_default_policies_and_deny_all()
    {
        var shared = Compile(Snapshot(), AnySourceConfig).Shared();
        Assert.Empty(shared["k8s_system_global_policy"].Uses());
        Assert.Empty(shared["k8s_ns_policy_rd"].Uses());
        Assert.Equal(["/Common/Shared/k8s_svc_deny_all_rule_list"], shared["k8s_svc_policy_rd"].Uses());
        var denyAll = shared["k8s_svc_deny_all_rule_list"]!["rules"]!.AsArray().Single()!;
        Assert.Equal("deny_all_rule", denyAll["name"]!.GetValue<string>());
        Assert.Equal("drop", denyAll["action"]!.GetValue<string>());
        Assert.Equal("any", denyAll["protocol"]!.GetValue<string>());
        Assert.Empty(denyAll["source"]!.AsObject());
        Assert.Empty(denyAll["destination"]!.AsObject());
    }

    [Fact]
    public void Scenario05_cluster_rule_with_two_ExternalServices_then_a_second_rule_then_deletion()
    {
        var first = Snapshot([Test1, Test2, Test3], [ClusterRule("test", "accept", ["exsvc-test1", "exsvc-test2"])]);
        var a = Compile(first, AnySourceConfig);
        Assert.Equal([
            "k8s_global_test_ext_exsvc-test1_address", "k8s_global_test_ext_exsvc-test1_ports_tcp", "k8s_global_test_ext_exsvc-test1_rule_list",
            "k8s_global_test_ext_exsvc-test2_address", "k8s_global_test_ext_exsvc-test2_ports_tcp", "k8s_global_test_ext_exsvc-test2_ports_udp",
            "k8s_global_test_ext_exsvc-test2_rule_list"], a.Shared().RuleObjects());
        Assert.Equal(2, a.Shared()["k8s_system_global_policy"].Uses().Length);

        Assert.Equal(a.Tenants.Single().Json, Compile(first, AnySourceConfig).Tenants.Single().Json);

        var both = Compile(first with { Rules = [.. first.Rules, ClusterRule("test3", "accept", ["exsvc-test3"])] }, AnySourceConfig);
        Assert.Equal(3, both.Shared()["k8s_system_global_policy"].Uses().Length);
        Assert.NotNull(both.Shared()["k8s_global_test3_ext_exsvc-test3_ports_udp"]);

        var deleted = Compile(first with { Rules = [ClusterRule("test3", "accept", ["exsvc-test3"])] }, AnySourceConfig);
        Assert.Equal(["/Common/Shared/k8s_global_test3_ext_exsvc-test3_rule_list"], deleted.Shared()["k8s_system_global_policy"].Uses());
        Assert.DoesNotContain(deleted.Shared().RuleObjects(), n => n.StartsWith("k8s_global_test_", StringComparison.Ordinal));
    }

    [Fact]
    public void Scenario06_namespace_rule_lands_in_Common_without_route_domains_and_in_its_tenant_with_them()
    {
        var snapshot = Snapshot([Test1 with { Metadata = Test1.Metadata with { Namespace = "project1" } }],
            [NamespaceRule("project1", "test", "accept", ["exsvc-test1"])], [Namespace("project1", "10.1.0.1/16")]);
        var tenants = new[] { Tenant("project1", "project1", 1, "rd1"), Tenant("project2", "project2", 2, "rd2") };

        var flat = Compile(snapshot, Config(namespaceSource: NamespaceSourceMode.KubeOvnCidr, tenants: tenants));
        Assert.Equal(["Common"], flat.Tenants.Select(t => t.Tenant));
        Assert.Equal(["10.1.0.1/16"], flat.Shared()["k8s_ns_project1_test_src_address"]!["addresses"].Strings());
        Assert.Single(flat.Shared()["k8s_ns_policy_rd"].Uses());

        var routed = Compile(snapshot, Config(routeDomains: true, namespaceSource: NamespaceSourceMode.KubeOvnCidr, tenants: tenants));
        var project1 = routed.Shared("project1");
        Assert.Equal(["/project1/Shared/k8s_ns_project1_test_ext_exsvc-test1_rule_list"], project1["k8s_ns_policy_rd1"].Uses());
        Assert.Equal(["/project1/Shared/k8s_svc_deny_all_rule_list"], project1["k8s_svc_policy_rd1"].Uses());
        Assert.Null(routed.Declaration("project1")["declaration"]!["Common"]);
        Assert.Empty(routed.Shared("project2").RuleObjects());
        Assert.Null(routed.Shared()["k8s_ns_policy_rd2"]);
    }

    [Fact]
    public void Scenario07_service_rule_with_a_bandwidth_port_names_the_list_after_the_port()
    {
        var config = Config(cluster: "cck8s", commonNamespaces: "dwb-test", iRules: ["bwc-2mbps-irule"]);
        var exsvc = ExSvc("dwb-test", "exsvc", ["192.168.2.2"], Port("udp", "9090", "udp-9090", "bwc-2mbps-irule"));
        var result = Compile(Snapshot([exsvc], [ServiceRule("dwb-test", "svcgr", "accept", "test", ["exsvc"], logging: true)],
            slices: [Endpoints("dwb-test", "test", ["1.1.1.1"])]), config);

        var shared = result.Shared();
        Assert.Equal(["1.1.1.1"], shared["cck8s_svc_dwb-test_svcgr_ep_test_src_address"]!["addresses"].Strings());
        Assert.NotNull(shared["cck8s_svc_dwb-test_svcgr_ext_exsvc_ports_udp-9090"]);
        var rule = shared["cck8s_svc_dwb-test_svcgr_ext_exsvc_rule_list"]!["rules"]![0]!;
        Assert.Equal("accept_exsvc_udp-9090", rule["name"]!.GetValue<string>());
        Assert.Equal("/Common/bwc-2mbps-irule", rule["iRule"]!["bigip"]!.GetValue<string>());
        Assert.True(rule["loggingEnabled"]!.GetValue<bool>());
        Assert.Equal(["/Common/Shared/cck8s_svc_dwb-test_svcgr_ext_exsvc_rule_list", "/Common/Shared/cck8s_svc_deny_all_rule_list"], shared["cck8s_svc_policy_rd"].Uses());
    }

    [Theory]
    [InlineData("plain-and-bandwidth")]
    [InlineData("no-ports")]
    [InlineData("protocol-case")]
    public void Scenario08_ExternalService_port_shapes_give_CES_names(string shape)
    {
        var config = Config(iRules: ["bwc-1mbps-irule", "bw2"], clusterRuleSource: ClusterRuleSourceMode.Any);
        var exsvc = shape switch
        {
            "plain-and-bandwidth" => ExSvc("dwb-test", "exsvc1", ["1.2.3.4"], Port("tcp", "8080"), Port("tcp", "443", "tcp-443", "bwc-1mbps-irule")),
            "no-ports" => ExSvc("dwb-test", "exsvc1", ["1.2.3.4"]),
            _ => ExSvc("dwb-test", "exsvc1", ["1.2.3.4"], Port("TCP", "81-91", "tcp-81", "bw2"), Port("tcp", "443", "tcp-443", "bwc-1mbps-irule")),
        };
        var shared = Compile(Snapshot([exsvc], [ClusterRule("test1", "accept", ["exsvc1"])]), config, "dwb-test").Shared();
        var rules = shared["k8s_global_test1_ext_exsvc1_rule_list"]!["rules"]!.AsArray();
        switch (shape)
        {
            case "plain-and-bandwidth":
                Assert.Equal(["8080"], shared["k8s_global_test1_ext_exsvc1_ports_tcp"]!["ports"].Strings());
                Assert.Equal(["443"], shared["k8s_global_test1_ext_exsvc1_ports_tcp-443"]!["ports"].Strings());
                Assert.Equal(["accept_exsvc1_tcp", "accept_exsvc1_tcp-443"], rules.Select(r => r!["name"]!.GetValue<string>()));
                Assert.Null(rules[0]!["iRule"]);
                break;
            case "no-ports":
                Assert.Equal("accept_exsvc1_any", rules.Single()!["name"]!.GetValue<string>());
                Assert.Null(rules.Single()!["protocol"]);
                Assert.Null(rules.Single()!["destination"]!["portLists"]);
                break;
            default:
                Assert.Equal(["81-91"], shared["k8s_global_test1_ext_exsvc1_ports_tcp-81"]!["ports"].Strings());
                Assert.Equal("tcp", rules[0]!["protocol"]!.GetValue<string>());
                Assert.DoesNotContain(shared, p => p.Key.Contains("ports_udp", StringComparison.Ordinal));
                break;
        }
    }

    [Fact]
    public void Scenario08f_deleting_one_of_two_ExternalServices_keeps_the_other()
    {
        var config = Config(clusterRuleSource: ClusterRuleSourceMode.Any);
        var exsvc2 = ExSvc("kube-system", "exsvc2", ["5.6.7.8"], Port("tcp", "80"));
        var shared = Compile(Snapshot([exsvc2], [ClusterRule("test1", "accept", ["exsvc1", "exsvc2"])]), config).Shared();
        Assert.Equal(["k8s_global_test1_ext_exsvc2_address", "k8s_global_test1_ext_exsvc2_ports_tcp", "k8s_global_test1_ext_exsvc2_rule_list"], shared.RuleObjects());
        Assert.Equal(["/Common/Shared/k8s_global_test1_ext_exsvc2_rule_list"], shared["k8s_system_global_policy"].Uses());
    }

    [Theory]
    [InlineData(false, "Common")]
    [InlineData(true, "Common")]
    [InlineData(false, "project1")]
    [InlineData(true, "project1")]
    public void Scenario09_remote_logging_objects_use_the_master_prefix(bool remote, string tenant)
    {
        var config = Config(cluster: "dwb", master: "master", routeDomains: tenant != "Common", tenants: [Tenant("project1", "p1", 1, "rd1")],
            logPool: new LogPoolConfig { LoggingEnabled = true, EnableRemoteLog = remote, HealthMonitor = "udp", ServerAddresses = ["1.1.1.1:8888"], Template = LogTemplates.Sample });
        var shared = Compile(Snapshot(), config).Shared(tenant);

        var profile = shared["master_afm_hsl_log_profile"]!;
        Assert.Equal($"/{tenant}/Shared/master_firewall_hsl_log_publisher", profile["network"]!["publisher"]!["use"]!.GetValue<string>());
        var destinations = shared["master_firewall_hsl_log_publisher"]!["destinations"]!.AsArray();
        Assert.Equal(remote ? 3 : 1, destinations.Count);
        Assert.Equal(remote, shared["master_remote-hsl-dest"] is not null);
        var pool = shared["master_log_pool"]!;
        Assert.Equal("1.1.1.1", pool["members"]![0]!["serverAddresses"]![0]!.GetValue<string>());
        Assert.Equal(8888, pool["members"]![0]!["servicePort"]!.GetValue<int>());
        Assert.Equal("/Common/udp", pool["monitors"]![0]!["bigip"]!.GetValue<string>());
        Assert.Equal($"/{tenant}/Shared/master_afm_hsl_log_profile", shared["master_outbound_vs"]!["securityLogProfiles"]![0]!["use"]!.GetValue<string>());
    }

    [Fact]
    public void Scenario10_addresses_split_into_addresses_and_fqdns_leaving_out_empty_arrays()
    {
        var config = Config(clusterRuleSource: ClusterRuleSourceMode.Any);
        var shared = Compile(Snapshot(
            [ExSvc("kube-system", "both", ["192.168.1.1", "www.baid.com"]), ExSvc("kube-system", "ip", ["192.168.1.1"]), ExSvc("kube-system", "name", ["www.baid.com"])],
            [ClusterRule("r", "accept", ["both", "ip", "name"])]), config).Shared();
        Assert.Equal(["192.168.1.1"], shared["k8s_global_r_ext_both_address"]!["addresses"].Strings());
        Assert.Equal(["www.baid.com"], shared["k8s_global_r_ext_both_address"]!["fqdns"].Strings());
        Assert.Null(shared["k8s_global_r_ext_ip_address"]!["fqdns"]);
        Assert.Null(shared["k8s_global_r_ext_name_address"]!["addresses"]);
    }

    [Fact]
    public void Scenario12_route_domain_tenant_with_its_own_virtual_address()
    {
        var config = Config(cluster: "cck8s", routeDomains: true, iRules: ["bwc-2mbps-irule"],
            tenants: [Tenant("dwb-test", "dwb-test", 1, "rd1", va: new VirtualAddressConfig("1.1.1.1", "disable", true))]);
        var exsvc = ExSvc("dwb-test", "exsvc", ["192.168.2.2"], Port("udp", "9090", "udp-9090", "bwc-2mbps-irule"));
        var result = Compile(Snapshot([exsvc], [ServiceRule("dwb-test", "svcgr", "accept", "test", ["exsvc"], logging: true)],
            slices: [Endpoints("dwb-test", "test", ["1.1.1.1"])]), config);

        var shared = result.Shared("dwb-test");
        Assert.Equal(1, result.Declaration("dwb-test")["declaration"]!["dwb-test"]!["defaultRouteDomain"]!.GetValue<int>());
        Assert.Empty(shared["cck8s_ns_policy_rd1"].Uses());
        Assert.Equal(["/dwb-test/Shared/cck8s_svc_dwb-test_svcgr_ext_exsvc_rule_list", "/dwb-test/Shared/cck8s_svc_deny_all_rule_list"], shared["cck8s_svc_policy_rd1"].Uses());
        var va = shared["cck8s_outbound_va"]!;
        Assert.Equal("1.1.1.1", va["virtualAddress"]!.GetValue<string>());
        Assert.True(va["arpEnabled"]!.GetValue<bool>());
        Assert.Equal("disable", va["icmpEcho"]!.GetValue<string>());
        Assert.Equal("/dwb-test/Shared/cck8s_outbound_va", shared["cck8s_outbound_vs"]!["virtualAddresses"]![0]!["use"]!.GetValue<string>());
        Assert.Equal("/dwb-test/Shared/cck8s_svc_policy_rd1", shared["cck8s_outbound_vs"]!["policyFirewallEnforced"]!["use"]!.GetValue<string>());
    }
}
