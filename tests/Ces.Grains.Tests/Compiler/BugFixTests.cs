using Ces.Abstractions.Afm;
using Ces.Abstractions.Config;
using Ces.Grains.Compiler;
using static Ces.Grains.Tests.Compiler.Build;

namespace Ces.Grains.Tests.Compiler;

/// <summary>One test per CES 0.5 correctness bug (ces-behaviour.md §7.3, 1–18) that a compiler could cause.</summary>
public class BugFixTests
{
    private static readonly CesConfig Flat = Config(commonNamespaces: "app,other");
    private static readonly Ces.Abstractions.Api.ExternalService A = ExSvc("app", "a", ["1.1.1.1"], Port("tcp", "443"));
    private static readonly Ces.Abstractions.Api.ExternalService B = ExSvc("app", "b", ["2.2.2.2"], Port("tcp", "22"));

    [Fact]
    public void Bug01_removing_an_ExternalService_from_a_rule_revokes_it()
    {
        var pods = new[] { Pod("app", "p", "10.0.0.1") };
        var before = Compile(Snapshot([A, B], [NamespaceRule("app", "r", "accept", ["a", "b"])], pods: pods), Flat).Shared();
        var after = Compile(Snapshot([A, B], [NamespaceRule("app", "r", "accept", ["a"])], pods: pods), Flat).Shared();
        Assert.Contains("k8s_ns_app_r_ext_b_rule_list", before.RuleObjects());
        Assert.DoesNotContain(after.RuleObjects(), n => n.Contains("_ext_b_", StringComparison.Ordinal));
    }

    [Fact]
    public void Bug02_service_rule_without_ready_endpoints_never_matches_any_source()
    {
        var result = Compile(Snapshot([A], [ServiceRule("app", "r", "accept", "web", ["a"])]), Flat);
        Assert.Empty(result.Shared().RuleObjects());
        Assert.DoesNotContain(result.Tenants.SelectMany(t => t.Model.RuleLists).SelectMany(l => l.Rules),
            rule => rule.Action != "drop" && rule.SourceAddressLists.IsEmpty);
    }

    [Fact]
    public void Bug03_scaling_a_service_to_zero_removes_its_addresses()
    {
        var rule = ServiceRule("app", "r", "accept", "web", ["a"]);
        var up = Compile(Snapshot([A], [rule], slices: [Endpoints("app", "web", ["10.0.0.5"])]), Flat).Shared();
        var down = Compile(Snapshot([A], [rule], slices: [Endpoints("app", "web", [])]), Flat).Shared();
        Assert.NotNull(up["k8s_svc_app_r_ep_web_src_address"]);
        Assert.Null(down["k8s_svc_app_r_ep_web_src_address"]);
        Assert.Null(down["k8s_svc_app_r_ext_a_rule_list"]);
    }

    [Fact]
    public void Bug04_namespace_rules_take_their_sources_from_pods_with_any_CNI_and_none_without_pods()
    {
        var rule = NamespaceRule("app", "r", "accept", ["a"]);
        var hostNetworkPod = new Ces.Abstractions.Api.PodObject(new("node-agent", "app"), "Running", true, ["192.168.0.10"]);
        var finished = new Ces.Abstractions.Api.PodObject(new("job", "app"), "Succeeded", false, ["10.0.0.99"]);
        var withPods = Compile(Snapshot([A], [rule], pods: [Pod("app", "p1", "10.0.0.2", "fd00::2"), Pod("app", "p2", "10.0.0.1"), hostNetworkPod, finished]), Flat).Shared();
        Assert.Equal(["10.0.0.1", "10.0.0.2", "fd00::2"], withPods["k8s_ns_app_r_src_address"]!["addresses"].Strings());

        var noPods = Compile(Snapshot([A], [rule], pods: [hostNetworkPod]), Flat);
        Assert.Empty(noPods.Shared().RuleObjects());
        Assert.Equal(RuleOutcomeKind.NoSources, noPods.Rules.Single().Kind);
    }

    [Fact]
    public void Bug05_cluster_rules_match_only_the_clusters_pods_unless_configured_otherwise()
    {
        var exsvc = ExSvc("kube-system", "dns", ["8.8.8.8"], Port("udp", "53"));
        var snapshot = Snapshot([exsvc], [ClusterRule("dns", "accept-decisively", ["dns"])], pods: [Pod("app", "p", "10.0.0.1"), Pod("other", "q", "10.0.1.1")]);

        var scoped = Compile(snapshot, Flat).Shared();
        Assert.Equal(["10.0.0.1", "10.0.1.1"], scoped["k8s_global_src_address"]!["addresses"].Strings());
        Assert.Equal("/Common/Shared/k8s_global_src_address",
            scoped["k8s_global_dns_ext_dns_rule_list"]!["rules"]![0]!["source"]!["addressLists"]![0]!["use"]!.GetValue<string>());

        var anySource = Compile(snapshot, Flat with { ClusterRuleSource = ClusterRuleSourceMode.Any }).Shared();
        Assert.Null(anySource["k8s_global_src_address"]);
        Assert.Empty(anySource["k8s_global_dns_ext_dns_rule_list"]!["rules"]![0]!["source"]!.AsObject());
    }

    [Fact]
    public void Bug05_cluster_sources_carry_each_tenants_route_domain()
    {
        var config = Config(routeDomains: true, tenants: [Tenant("p2", "app", 2, "rd2")]);
        var snapshot = Snapshot([ExSvc("kube-system", "dns", ["8.8.8.8"])], [ClusterRule("dns", "accept-decisively", ["dns"])],
            pods: [Pod("app", "p", "10.0.0.1"), Pod("unmapped", "q", "10.9.0.1")]);
        Assert.Equal(["10.0.0.1%2", "10.9.0.1"], Compile(snapshot, config).Shared()["k8s_global_src_address"]!["addresses"].Strings());
    }

    [Fact]
    public void Bug06_addresses_written_outside_AS3_carry_the_real_route_domain_id() =>
        Assert.Equal("10.16.0.7%2", RouteDomainAddress.Qualify("10.16.0.7", 2));

    [Fact]
    public void Bug07_every_declaration_carries_the_current_addresses_of_every_service_rule()
    {
        var rules = new Ces.Abstractions.Api.EgressRule[] { ServiceRule("app", "r1", "accept", "web", ["a"]), ServiceRule("app", "r2", "accept", "db", ["b"]) };
        var shared = Compile(Snapshot([A, B], rules, slices: [Endpoints("app", "web", ["10.0.0.7"]), Endpoints("app", "db", ["10.0.0.8"])]), Flat).Shared();
        Assert.Equal(["10.0.0.7"], shared["k8s_svc_app_r1_ep_web_src_address"]!["addresses"].Strings());
        Assert.Equal(["10.0.0.8"], shared["k8s_svc_app_r2_ep_db_src_address"]!["addresses"].Strings());
    }

    [Fact]
    public void Bug08_every_rule_naming_an_ExternalService_sees_its_change()
    {
        var rules = new Ces.Abstractions.Api.EgressRule[] { ServiceRule("app", "r1", "accept", "web", ["a"]), ServiceRule("app", "r2", "accept", "web", ["a"]) };
        var changed = A with { Spec = A.Spec with { Addresses = ["3.3.3.3"] } };
        var shared = Compile(Snapshot([changed], rules, slices: [Endpoints("app", "web", ["10.0.0.7"])]), Flat).Shared();
        Assert.Equal(["3.3.3.3"], shared["k8s_svc_app_r1_ext_a_address"]!["addresses"].Strings());
        Assert.Equal(["3.3.3.3"], shared["k8s_svc_app_r2_ext_a_address"]!["addresses"].Strings());
    }

    [Fact]
    public void Bug09_changing_spec_service_changes_the_rules_source()
    {
        var slices = new[] { Endpoints("app", "web", ["10.0.0.7"]), Endpoints("app", "api", ["10.0.0.9"]) };
        var shared = Compile(Snapshot([A], [ServiceRule("app", "r", "accept", "api", ["a"])], slices: slices), Flat).Shared();
        Assert.Null(shared["k8s_svc_app_r_ep_web_src_address"]);
        Assert.Equal(["10.0.0.9"], shared["k8s_svc_app_r_ep_api_src_address"]!["addresses"].Strings());
    }

    [Fact]
    public void Bug10_a_rule_written_before_its_ExternalService_compiles_once_the_ExternalService_exists()
    {
        var rule = NamespaceRule("app", "r", "accept", ["a"]);
        var pods = new[] { Pod("app", "p", "10.0.0.1") };
        var early = Compile(Snapshot([], [rule], pods: pods), Flat);
        Assert.Equal(RuleOutcomeKind.NoDestinations, early.Rules.Single().Kind);
        var later = Compile(Snapshot([A], [rule], pods: pods), Flat);
        Assert.Equal(RuleOutcomeKind.Programmed, later.Rules.Single().Kind);
        Assert.NotNull(later.Shared()["k8s_ns_app_r_ext_a_rule_list"]);
    }

    [Fact]
    public void Bug11_deleting_one_of_a_rules_ExternalServices_keeps_its_source_list()
    {
        var shared = Compile(Snapshot([B], [NamespaceRule("app", "r", "accept", ["a", "b"])], pods: [Pod("app", "p", "10.0.0.1")]), Flat).Shared();
        Assert.NotNull(shared["k8s_ns_app_r_src_address"]);
        Assert.Equal("/Common/Shared/k8s_ns_app_r_src_address",
            shared["k8s_ns_app_r_ext_b_rule_list"]!["rules"]![0]!["source"]!["addressLists"]![0]!["use"]!.GetValue<string>());
    }

    [Fact]
    public void Bug12_a_tenant_left_without_rules_is_declared_with_its_defaults()
    {
        var config = Config(routeDomains: true, tenants: [Tenant("p2", "app", 2, "rd2")]);
        var declaration = Compile(Snapshot(), config).Declaration("p2");
        Assert.NotNull(declaration["declaration"]!["p2"]!["Shared"]);
        Assert.Equal("Tenant", declaration["declaration"]!["p2"]!["class"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("10.16.0.0/16,fd00:10:16::/64", new[] { "10.16.0.0/16", "fd00:10:16::/64" })]
    [InlineData("10.16.0.0/16", new[] { "10.16.0.0/16" })]
    public void Bug13_dual_stack_CIDR_annotations_are_addresses_not_a_name(string annotation, string[] expected)
    {
        var config = Flat with { NamespaceSource = NamespaceSourceMode.KubeOvnCidr };
        var shared = Compile(Snapshot([A], [NamespaceRule("app", "r", "accept", ["a"])], [Namespace("app", annotation)]), config).Shared();
        Assert.Equal(expected, shared["k8s_ns_app_r_src_address"]!["addresses"].Strings().Order(StringComparer.Ordinal));
        Assert.Null(shared["k8s_ns_app_r_src_address"]!["fqdns"]);
    }

    [Fact]
    public void Bug13_a_malformed_CIDR_annotation_is_an_error_and_no_source()
    {
        var config = Flat with { NamespaceSource = NamespaceSourceMode.KubeOvnCidr };
        var result = Compile(Snapshot([A], [NamespaceRule("app", "r", "accept", ["a"])], [Namespace("app", "10.16.0.0/33")]), config);
        Assert.Contains(result.Diagnostics, d => d.IsError && d.Subject == "Namespace app" && d.Field.Contains("ovn.kubernetes.io/cidr", StringComparison.Ordinal));
        Assert.Empty(result.Shared().RuleObjects());
    }

    [Fact]
    public void Bug14_rules_within_a_rule_list_are_ordered_by_port_group()
    {
        var exsvc = ExSvc("app", "a", ["1.1.1.1"], Port("udp", "53"), Port("tcp", "53"), Port("sctp", "9"));
        var names = Compile(Snapshot([exsvc], [NamespaceRule("app", "r", "accept", ["a"])], pods: [Pod("app", "p", "10.0.0.1")]), Flat with { SchemaVersion = "3.56.0" })
            .Shared()["k8s_ns_app_r_ext_a_rule_list"]!["rules"]!.AsArray().Select(r => r!["name"]!.GetValue<string>());
        Assert.Equal(["accept_a_sctp", "accept_a_tcp", "accept_a_udp"], names);
    }

    [Fact]
    public void Bug15_a_change_that_only_removes_something_changes_the_declaration()
    {
        var pods = new[] { Pod("app", "p", "10.0.0.1"), Pod("app", "q", "10.0.0.2") };
        var rule = NamespaceRule("app", "r", "accept", ["a"]);
        var before = Compile(Snapshot([A], [rule], pods: pods), Flat).Tenants.Single().Json;
        var after = Compile(Snapshot([A], [rule], pods: pods[..1]), Flat).Tenants.Single().Json;
        Assert.NotEqual(before, after);
    }

    [Theory]
    [InlineData("bwc-1", false)]
    [InlineData("bwc-1mbps-irule-x", false)]
    [InlineData("bwc-1mbps-irule", true)]
    public void Bug16_bandwidth_must_equal_a_configured_iRule_exactly(string bandwidth, bool valid)
    {
        var config = Flat with { IRule = ["bwc-1mbps-irule", "bwc-2mbps-irule"] };
        var exsvc = ExSvc("app", "a", ["1.1.1.1"], Port("tcp", "443", "https", bandwidth));
        var result = Compile(Snapshot([exsvc], [NamespaceRule("app", "r", "accept", ["a"])], pods: [Pod("app", "p", "10.0.0.1")]), config);
        Assert.Equal(!valid, result.Diagnostics.Any(d => d.IsError && d.Subject == "ExternalService app/a" && d.Field == "spec.ports[0].bandwidth"));
        Assert.Equal(valid, result.Shared()["k8s_ns_app_r_ext_a_rule_list"] is not null);
    }

    [Fact]
    public void Bug17_objects_of_rules_that_no_longer_exist_are_never_declared()
    {
        var pods = new[] { Pod("app", "p", "10.0.0.1") };
        var result = Compile(Snapshot([A, B], [NamespaceRule("app", "kept", "accept", ["a"])], pods: pods), Flat);
        Assert.All(result.Shared().RuleObjects(), name => Assert.Contains("_kept_", name, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, ContextBindingAction.Bind)]
    [InlineData("", ContextBindingAction.Bind)]
    [InlineData("/Common/Shared/k8s_system_global_policy", ContextBindingAction.AlreadyBound)]
    [InlineData("/Common/corporate_global_policy", ContextBindingAction.Conflict)]
    public void Bug18_a_binding_never_replaces_a_policy_someone_else_bound(string? bound, ContextBindingAction expected)
    {
        var binding = Compile(Snapshot(), Flat).Tenants.Single().Bindings.Single(b => b.Kind == ContextBindingKind.Global);
        Assert.Equal(expected, ContextBindingDecision.Decide(binding, bound));
    }
}
