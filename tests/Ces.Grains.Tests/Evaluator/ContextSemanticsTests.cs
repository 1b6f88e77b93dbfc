using Ces.Grains.Evaluator;
using static Ces.Grains.Tests.Evaluator.Fw;

namespace Ces.Grains.Tests.Evaluator;

/// <summary>How verdicts flow through the global, route-domain and virtual-server contexts.</summary>
public class ContextSemanticsTests
{
    private static readonly string[] Web = ["203.0.113.10"];

    [Fact]
    public void Accept_in_the_global_context_passes_the_flow_on_to_meet_the_virtual_server_deny_all()
    {
        var verdict = Config(global: [Rule("allow_web", "accept", destinations: Web)]).Evaluate(Flow());

        Assert.False(verdict.Allowed);
        Assert.Equal("drop", verdict.Action);
        Assert.Equal(new EvaluationStep(ContextKind.VirtualServer, VirtualServer, ServicePolicy, DenyAllList, "deny_all_rule", "drop"), verdict.Decision);
        Assert.Equal([ContextKind.Global, ContextKind.RouteDomain, ContextKind.VirtualServer], verdict.Chain.Select(s => s.Context));
        Assert.Equal(new EvaluationStep(ContextKind.Global, "global", GlobalPolicy, GlobalList, "allow_web", "accept"), verdict.Chain[0]);
    }

    [Fact]
    public void Accept_decisively_in_the_global_context_skips_the_virtual_server_deny_all()
    {
        var verdict = Config(global: [Rule("allow_web", "accept-decisively", destinations: Web)]).Evaluate(Flow());

        Assert.True(verdict.Allowed);
        Assert.Equal("accept-decisively", verdict.Action);
        Assert.Equal(ContextKind.Global, verdict.Decision.Context);
        Assert.Single(verdict.Chain);
    }

    [Fact]
    public void Accept_decisively_in_the_route_domain_context_skips_the_virtual_server()
    {
        var verdict = Config(routeDomain: [Rule("allow_web", "accept-decisively", destinations: Web)]).Evaluate(Flow(routeDomain: 2));

        Assert.True(verdict.Allowed);
        Assert.Equal(new EvaluationStep(ContextKind.RouteDomain, "/p2/rd2", RouteDomainPolicyPath, RouteDomainList, "allow_web", "accept-decisively"), verdict.Decision);
        Assert.Equal(2, verdict.Chain.Count);
    }

    [Fact]
    public void Drop_in_the_global_context_ends_evaluation_even_if_later_contexts_would_allow()
    {
        var config = Config(global: [Rule("block", "drop", destinations: Web)], routeDomain: [Rule("allow", "accept-decisively")]);
        var verdict = config.Evaluate(Flow());

        Assert.False(verdict.Allowed);
        Assert.Equal("drop", verdict.Action);
        Assert.Equal(ContextKind.Global, verdict.Decision.Context);
        Assert.Single(verdict.Chain);
    }

    [Fact]
    public void Reject_in_the_route_domain_context_denies_with_action_reject()
    {
        var verdict = Config(routeDomain: [Rule("refuse", "reject", destinations: Web)], service: [Rule("allow", "accept")]).Evaluate(Flow());

        Assert.False(verdict.Allowed);
        Assert.Equal("reject", verdict.Action);
        Assert.Equal("/Common/0", verdict.Decision.ContextName);
    }

    [Fact]
    public void Accept_in_the_virtual_server_context_allows_the_flow()
    {
        var verdict = Config(service: [Rule("allow_web", "accept", destinations: Web)]).Evaluate(Flow());

        Assert.True(verdict.Allowed);
        Assert.Equal("accept", verdict.Action);
        Assert.Equal(new EvaluationStep(ContextKind.VirtualServer, VirtualServer, ServicePolicy, ServiceList, "allow_web", "accept"), verdict.Decision);
    }

    [Fact]
    public void Contexts_without_a_matching_rule_pass_the_flow_on_and_say_so_in_the_chain()
    {
        var verdict = Config(global: [Rule("other", "drop", destinations: ["198.51.100.1"])]).Evaluate(Flow());

        Assert.Equal([EvaluationStep.NoMatch, EvaluationStep.NoMatch, "drop"], verdict.Chain.Select(s => s.Action));
        Assert.False(verdict.Chain[0].Matched);
        Assert.Equal(GlobalPolicy, verdict.Chain[0].PolicyPath);
    }

    [Fact]
    public void A_virtual_server_policy_without_a_matching_rule_accepts_by_the_ADC_mode_default()
    {
        var config = Config();
        config = config with { RuleLists = [.. config.RuleLists.Select(l => l.Path == DenyAllList ? l with { Rules = [] } : l)] };
        var verdict = config.Evaluate(Flow());

        Assert.True(verdict.Allowed);
        Assert.Equal("accept", verdict.Action);
        Assert.Equal(EvaluationStep.NoMatch, verdict.Decision.Action);
        Assert.Equal(ContextKind.VirtualServer, verdict.Decision.Context);
    }

    [Fact]
    public void Contexts_with_no_policy_bound_pass_the_flow_on()
    {
        var config = Config(service: [Rule("allow", "accept")]) with { GlobalPolicy = null, RouteDomainPolicies = [] };
        var verdict = config.Evaluate(Flow());

        Assert.True(verdict.Allowed);
        Assert.Equal([EvaluationStep.NoPolicy, EvaluationStep.NoPolicy, "accept"], verdict.Chain.Select(s => s.Action));
        Assert.Equal("%0", verdict.Chain[1].ContextName);
    }

    [Fact]
    public void The_first_matching_rule_wins_with_rule_lists_expanded_in_policy_order()
    {
        var config = Config(
            service: [Rule("narrow_drop", "drop", destinations: ["203.0.113.10"]), Rule("wide_accept", "accept", destinations: ["203.0.113.0/24"])]);

        Assert.Equal("narrow_drop", config.Evaluate(Flow()).Decision.RuleName);
        Assert.Equal("wide_accept", config.Evaluate(Flow(destination: "203.0.113.11")).Decision.RuleName);
        Assert.Equal("deny_all_rule", config.Evaluate(Flow(destination: "198.51.100.1")).Decision.RuleName);
    }

    [Fact]
    public void Inline_policy_rules_come_in_entry_order_between_rule_lists()
    {
        var config = Config(service: [Rule("listed", "accept", destinations: Web)]);
        var inline = FirewallPolicyEntry.Inline(Rule("inline_drop", "drop", destinations: Web));
        config = config with { Policies = [.. config.Policies.Select(p => p.Path == ServicePolicy ? p with { Entries = [inline, .. p.Entries] } : p)] };

        var verdict = config.Evaluate(Flow());
        Assert.Equal("inline_drop", verdict.Decision.RuleName);
        Assert.Null(verdict.Decision.RuleListPath);
    }

    [Fact]
    public void First_match_order_holds_when_many_narrow_rules_surround_a_broad_one()
    {
        var before = Enumerable.Range(1, 100).Select(i => Rule($"host_{i}", "accept", destinations: [$"10.0.{i}.1"]));
        var broad = Rule("block_ten", "drop", destinations: ["10.0.0.0/8", "2001:db8::/32"]);
        var after = Enumerable.Range(1, 100).Select(i => Rule($"late_{i}", "accept", destinations: [$"10.0.{i}.2", $"2001:db8::{i}"]));
        var config = Config(service: [.. before, broad, .. after, Rule("v6_tail", "accept", destinations: ["2001:db9::/32"])]);

        Assert.Equal("host_42", config.Evaluate(Flow(destination: "10.0.42.1")).Decision.RuleName);
        Assert.Equal("block_ten", config.Evaluate(Flow(destination: "10.0.42.2")).Decision.RuleName);
        Assert.Equal("block_ten", config.Evaluate(Flow(destination: "2001:db8::42")).Decision.RuleName);
        Assert.Equal("v6_tail", config.Evaluate(Flow(destination: "2001:db9::1")).Decision.RuleName);
        Assert.Equal("deny_all_rule", config.Evaluate(Flow(destination: "11.0.0.1")).Decision.RuleName);
    }
}
