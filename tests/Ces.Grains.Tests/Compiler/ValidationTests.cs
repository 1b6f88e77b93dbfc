using Ces.Abstractions.Diagnostics;
using Ces.Grains.Compiler;
using static Ces.Grains.Tests.Compiler.Build;

namespace Ces.Grains.Tests.Compiler;

/// <summary>Every field is checked; an invalid object is reported by object and field and left out, and the rest still compiles.</summary>
public class ValidationTests
{
    private static CompileResult CompileWith(Ces.Abstractions.Api.ExternalService bad, string schemaVersion = "3.29.0", string[]? iRules = null)
    {
        var good = ExSvc("app", "good", ["9.9.9.9"], Port("tcp", "443"));
        var rule = NamespaceRule("app", "r", "accept", [bad.Metadata.Name, "good"]);
        return Compile(Snapshot([bad, good], [rule], pods: [Pod("app", "p", "10.0.0.1")]),
            Config(commonNamespaces: "app", schemaVersion: schemaVersion, iRules: iRules));
    }

    private static void AssertRejected(CompileResult result, string field, string messagePart)
    {
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("ExternalService app/bad", error.Subject);
        Assert.Equal(field, error.Field);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
        var shared = result.Shared();
        Assert.Null(shared["k8s_ns_app_r_ext_bad_rule_list"]);
        Assert.NotNull(shared["k8s_ns_app_r_ext_good_rule_list"]);
    }

    [Theory]
    [InlineData("300.1.1.1")]
    [InlineData("10.0.0.0/33")]
    [InlineData("01.2.3.4")]
    [InlineData("under_score.example.com")]
    [InlineData("-bad.example.com")]
    [InlineData("")]
    [InlineData("10.0.0.9-10.0.0.1")]
    public void Invalid_address_is_rejected_naming_its_index(string address) =>
        AssertRejected(CompileWith(ExSvc("app", "bad", ["1.1.1.1", address])), "spec.addresses[1]", "is not an IP address");

    [Theory]
    [InlineData("2001:db8::1")]
    [InlineData("2001:db8::/32")]
    [InlineData("10.0.0.1-10.0.0.9")]
    [InlineData("api.example.com")]
    public void Valid_addresses_of_every_kind_compile(string address)
    {
        var result = CompileWith(ExSvc("app", "bad", [address]));
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        Assert.NotNull(result.Shared()["k8s_ns_app_r_ext_bad_address"]);
    }

    [Fact]
    public void Missing_addresses_are_rejected() =>
        AssertRejected(CompileWith(ExSvc("app", "bad", [])), "spec.addresses", "at least one address");

    [Theory]
    [InlineData("0")]
    [InlineData("65536")]
    [InlineData("80-")]
    [InlineData("90-80")]
    [InlineData("80,,443")]
    [InlineData("http")]
    public void Invalid_port_syntax_is_rejected(string port) =>
        AssertRejected(CompileWith(ExSvc("app", "bad", ["1.1.1.1"], Port("tcp", port, "p"))), "spec.ports[0].port", "");

    [Fact]
    public void A_protocol_outside_the_schema_versions_enum_is_rejected()
    {
        AssertRejected(CompileWith(ExSvc("app", "bad", ["1.1.1.1"], new Ces.Abstractions.Api.ExternalServicePort("icmp", "icmp", null, null))), "spec.ports[0].protocol", "not a protocol AS3 accepts");
        var newer = CompileWith(ExSvc("app", "bad", ["1.1.1.1"], new Ces.Abstractions.Api.ExternalServicePort("icmp", "icmp", null, null)), "3.56.0");
        Assert.DoesNotContain(newer.Diagnostics, d => d.IsError);
        var rule = newer.Shared()["k8s_ns_app_r_ext_bad_rule_list"]!["rules"]![0]!;
        Assert.Equal("icmp", rule["protocol"]!.GetValue<string>());
        Assert.Null(rule["destination"]!["portLists"]);
    }

    [Fact]
    public void A_port_on_a_protocol_without_ports_is_rejected() =>
        AssertRejected(CompileWith(ExSvc("app", "bad", ["1.1.1.1"], Port("icmp", "8", "ping")), "3.56.0"), "spec.ports[0].port", "has no ports");

    [Fact]
    public void A_port_without_a_protocol_is_rejected_not_silently_dropped() =>
        AssertRejected(CompileWith(ExSvc("app", "bad", ["1.1.1.1"], new Ces.Abstractions.Api.ExternalServicePort("p", null, "80", null))), "spec.ports[0].protocol", "a protocol is required");

    [Fact]
    public void A_bandwidth_port_needs_a_name_fit_for_an_object_name() =>
        AssertRejected(CompileWith(ExSvc("app", "bad", ["1.1.1.1"], new Ces.Abstractions.Api.ExternalServicePort("bad name", "tcp", "80", "bw")), iRules: ["bw"]), "spec.ports[0].name", "needs a name");

    [Fact]
    public void Two_bandwidth_ports_sharing_a_name_but_not_a_protocol_are_rejected() =>
        AssertRejected(CompileWith(ExSvc("app", "bad", ["1.1.1.1"], Port("tcp", "80", "x", "bw"), Port("udp", "80", "x", "bw")), iRules: ["bw"]), "spec.ports[1].name", "names port group");

    [Fact]
    public void A_port_entry_without_ports_covers_every_port_of_its_protocol()
    {
        var result = CompileWith(ExSvc("app", "bad", ["1.1.1.1"], Port("tcp", "80"), new Ces.Abstractions.Api.ExternalServicePort("all-tcp", "tcp", null, null)));
        var rule = result.Shared()["k8s_ns_app_r_ext_bad_rule_list"]!["rules"]!.AsArray().Single()!;
        Assert.Equal("tcp", rule["protocol"]!.GetValue<string>());
        Assert.Null(rule["destination"]!["portLists"]);
    }

    [Theory]
    [InlineData("allow", "spec.action")]
    [InlineData("ACCEPT", "spec.action")]
    public void A_rule_with_an_unknown_action_is_left_out_and_others_compile(string action, string field)
    {
        var exsvc = ExSvc("app", "a", ["1.1.1.1"]);
        var result = Compile(Snapshot([exsvc], [NamespaceRule("app", "bad", action, ["a"]), NamespaceRule("app", "good", "accept", ["a"])], pods: [Pod("app", "p", "10.0.0.1")]),
            Config(commonNamespaces: "app"));
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(("NamespaceEgressRule app/bad", field), (error.Subject, error.Field));
        Assert.Equal(RuleOutcomeKind.Invalid, result.Rules.Single(r => r.Rule.Name == "bad").Kind);
        Assert.NotNull(result.Shared()["k8s_ns_app_good_ext_a_rule_list"]);
    }

    [Fact]
    public void A_service_rule_without_a_service_is_invalid()
    {
        var result = Compile(Snapshot([ExSvc("app", "a", ["1.1.1.1"])], [ServiceRule("app", "r", "accept", "", ["a"])]), Config(commonNamespaces: "app"));
        Assert.Contains(result.Diagnostics, d => d.IsError && d.Field == "spec.service");
    }

    [Fact]
    public void A_rule_whose_object_names_exceed_AS3s_path_limit_is_rejected_by_name()
    {
        var longName = new string('r', 120);
        var exsvc = ExSvc("app", new string('e', 60), ["1.1.1.1"]);
        var result = Compile(Snapshot([exsvc], [NamespaceRule("app", longName, "accept", [exsvc.Metadata.Name])], pods: [Pod("app", "p", "10.0.0.1")]),
            Config(commonNamespaces: "app"));
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal($"NamespaceEgressRule app/{longName}", error.Subject);
        Assert.Contains("AS3 allows at most 195", error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Shared().RuleObjects());
    }

    [Fact]
    public void A_namespace_mapped_to_no_tenant_is_out_of_scope_with_a_warning()
    {
        var result = Compile(Snapshot([ExSvc("elsewhere", "a", ["1.1.1.1"])], [NamespaceRule("elsewhere", "r", "accept", ["a"])], pods: [Pod("elsewhere", "p", "10.0.0.1")]),
            Config(commonNamespaces: "app"));
        Assert.Equal(RuleOutcomeKind.OutOfScope, result.Rules.Single().Kind);
        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.Message.Contains("mapped to no tenant", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_ExternalService_is_a_warning_and_the_rest_of_the_rule_compiles()
    {
        var result = Compile(Snapshot([ExSvc("app", "a", ["1.1.1.1"])], [NamespaceRule("app", "r", "accept", ["missing", "a"])], pods: [Pod("app", "p", "10.0.0.1")]),
            Config(commonNamespaces: "app"));
        Assert.Contains(result.Diagnostics, d => !d.IsError && d.Field == "spec.externalServices[0]" && d.Message.Contains("app/missing", StringComparison.Ordinal));
        Assert.NotNull(result.Shared()["k8s_ns_app_r_ext_a_rule_list"]);
    }

    [Fact]
    public void Cluster_rules_find_their_ExternalServices_in_the_controller_namespace()
    {
        var config = Config(clusterRuleSource: Ces.Abstractions.Config.ClusterRuleSourceMode.Any);
        var result = Compile(Snapshot([ExSvc("ces-system", "x", ["1.1.1.1"]), ExSvc("kube-system", "x", ["2.2.2.2"])], [ClusterRule("r", "accept", ["x"])]), config, "ces-system");
        Assert.Equal(["1.1.1.1"], result.Shared()["k8s_global_r_ext_x_address"]!["addresses"].Strings());
    }
}
