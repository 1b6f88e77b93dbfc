using Ces.Grains.Explain;
using static Ces.Grains.Tests.Compiler.Build;

namespace Ces.Grains.Tests.Explain;

/// <summary>Explain maps the AFM evaluator's answer back to CES objects: rule, ExternalService, port group, and the chain.</summary>
public class PolicyExplainerTests
{
    private static PolicyExplainer Explainer(params Ces.Abstractions.Api.EgressRule[] rules) => PolicyExplainer.Build(
        Snapshot(
            exsvcs: [ExSvc("default", "db", ["211.6.6.7"], Port("tcp", "3306")), ExSvc("kube-system", "web", ["www.example.com", "8.8.8.8"], Port("tcp", "443"))],
            rules: rules,
            pods: [Pod("default", "mysql-0", "10.16.0.5"), Pod("default", "other", "10.16.0.9")],
            slices: [Endpoints("default", "mysql", ["10.16.0.5"])]),
        Settings(Config(commonNamespaces: "default,kube-system")));

    private static Explanation Answer(PolicyExplainer explainer, string from, string to) =>
        Assert.IsType<ExplainOutcome.Answered>(explainer.Explain(from, to)).Explanation;

    [Fact]
    public void A_service_rule_allows_its_endpoints_and_names_itself_its_ExternalService_and_port_group()
    {
        var answer = Answer(Explainer(ServiceRule("default", "allow-db", "accept", "mysql", ["db"])), "default/mysql-0", "211.6.6.7:3306/tcp");

        Assert.Equal("allow", answer.Verdict);
        Assert.Equal(["global", "route-domain", "virtual-server"], answer.Chain.Select(s => s.Context));
        Assert.Equal(["next context", "next context", "allow"], answer.Chain.Select(s => s.Outcome));
        var rule = Assert.IsType<ExplainedRule>(answer.Decision.Rule);
        Assert.Equal(("ServiceEgressRule", "default", "allow-db", "default/db", "tcp"), (rule.Kind, rule.Namespace, rule.Name, rule.ExternalService, rule.PortGroup));
        Assert.Equal("/Common/Shared/k8s_svc_default_allow-db_ext_db_rule_list", answer.Decision.RuleList);
        Assert.Equal("accept_db_tcp", answer.Decision.AfmRule);
        Assert.Equal("/Common/Shared/k8s_svc_policy_rd", answer.Decision.Policy);
    }

    [Fact]
    public void A_pod_outside_the_service_meets_the_deny_all()
    {
        var answer = Answer(Explainer(ServiceRule("default", "allow-db", "accept", "mysql", ["db"])), "10.16.0.9", "211.6.6.7:3306/tcp");

        Assert.Equal("deny", answer.Verdict);
        Assert.Equal("other", answer.Source.Pod);
        Assert.Null(answer.Decision.Rule);
        Assert.Contains("deny-all", answer.Decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_accept_decisively_cluster_rule_decides_in_the_global_context_and_skips_the_rest()
    {
        var answer = Answer(Explainer(ClusterRule("web", "accept-decisively", ["web"])), "default/other", "8.8.8.8:443/tcp");

        Assert.Equal("allow", answer.Verdict);
        Assert.Single(answer.Chain);
        Assert.Equal(("ClusterEgressRule", "kube-system/web"), (answer.Decision.Rule!.Kind, answer.Decision.Rule.ExternalService));
    }

    [Fact]
    public void An_FQDN_destination_is_matched_by_name_and_says_so()
    {
        var answer = Answer(Explainer(ClusterRule("web", "accept-decisively", ["web"])), "default/other", "www.example.com:443/tcp");

        Assert.Equal("allow", answer.Verdict);
        Assert.Equal("www.example.com", answer.Destination.Fqdn);
        Assert.Contains(answer.Notes, n => n.Contains("matched by name", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("default/nope", "1.2.3.4:80/tcp", "not in the manifests")]
    [InlineData("default/other", "1.2.3.4/tcp", "needs a port")]
    [InlineData("default/other", "1.2.3.4:99999/tcp", "not a port")]
    [InlineData("default/other", "1.2.3.4:80/bogus", "not an IP protocol")]
    [InlineData("not an ip", "1.2.3.4:80/tcp", "neither NAMESPACE/POD nor an IP")]
    public void Questions_that_cannot_be_answered_fail_with_a_clear_message(string from, string to, string expected)
    {
        var failed = Assert.IsType<ExplainOutcome.Failed>(Explainer().Explain(from, to));

        Assert.Contains(expected, failed.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("211.6.6.7:3306/tcp", "211.6.6.7", 3306, "tcp")]
    [InlineData("[2001:db8::1]:443/tcp", "2001:db8::1", 443, "tcp")]
    [InlineData("2001:db8::1/icmp", "2001:db8::1", null, "icmp")]
    [InlineData("www.example.com:53/UDP", "www.example.com", 53, "udp")]
    [InlineData("db.internal:5432", "db.internal", 5432, "tcp")]
    public void Destinations_parse(string text, string host, int? port, string protocol)
    {
        var spec = DestinationSpec.TryParse(text, out var error);

        Assert.True(spec is not null, error);
        Assert.Equal((host, port, protocol), (spec.Host, spec.Port, spec.Protocol));
    }
}
