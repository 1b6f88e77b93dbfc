using Ces.Grains.Evaluator;
using static Ces.Grains.Tests.Evaluator.Fw;

namespace Ces.Grains.Tests.Evaluator;

/// <summary>Which virtual server a flow meets, and what its staged policy would do.</summary>
public class VirtualServerContextTests
{
    [Fact]
    public void A_flow_no_virtual_server_listens_for_is_dropped_as_no_listener()
    {
        var config = Config(global: [Rule("pass", "accept")], service: [Rule("allow", "accept")]);
        var verdict = config.Evaluate(Flow(routeDomain: 7));

        Assert.False(verdict.Allowed);
        Assert.Equal("drop", verdict.Action);
        Assert.Equal(EvaluationStep.NoListener, verdict.Decision.Action);
        Assert.Equal(EvaluationStep.NoVirtualServer, verdict.Decision.ContextName);
        Assert.Equal(3, verdict.Chain.Count);
    }

    [Fact]
    public void Accept_decisively_upstream_needs_no_listener()
    {
        var verdict = Config(global: [Rule("pass", "accept-decisively")]).Evaluate(Flow(routeDomain: 7));

        Assert.True(verdict.Allowed);
    }

    [Fact]
    public void The_virtual_server_of_the_flow_route_domain_decides()
    {
        var config = Config(service: [Rule("allow", "accept")]);

        Assert.Equal(VirtualServer2, config.Evaluate(Flow(routeDomain: 2)).Decision.ContextName);
        Assert.Equal(VirtualServer, config.Evaluate(Flow(routeDomain: 0)).Decision.ContextName);
    }

    [Fact]
    public void The_most_specific_listener_wins_by_address_then_port_then_protocol()
    {
        FirewallVirtualServer[] servers =
        [
            Server("/T/A/wildcard", 0),
            Server("/T/A/net", 0, destination: "203.0.113.0/24"),
            Server("/T/A/host", 0, destination: "203.0.113.10"),
            Server("/T/A/host_443", 0, destination: "203.0.113.10", port: 443),
            Server("/T/A/host_443_tcp", 0, destination: "203.0.113.10", port: 443, layer4: "tcp"),
        ];
        var config = Config(service: [Rule("allow", "accept")], servers: servers);

        Assert.Equal("/T/A/host_443_tcp", config.Evaluate(Flow()).Decision.ContextName);
        Assert.Equal("/T/A/host_443", config.Evaluate(Flow(protocol: "udp")).Decision.ContextName);
        Assert.Equal("/T/A/host", config.Evaluate(Flow(port: 80)).Decision.ContextName);
        Assert.Equal("/T/A/net", config.Evaluate(Flow(destination: "203.0.113.99")).Decision.ContextName);
        Assert.Equal("/T/A/wildcard", config.Evaluate(Flow(destination: "198.51.100.1")).Decision.ContextName);
    }

    [Theory]
    [InlineData("0.0.0.0", "2001:db8::1", true)]
    [InlineData("0.0.0.0/0", "198.51.100.1", true)]
    [InlineData("::", "198.51.100.1", true)]
    [InlineData("2001:db8::/32", "2001:db8::1", true)]
    [InlineData("2001:db8::/32", "2001:db9::1", false)]
    [InlineData("10.0.0.1%2", "10.0.0.1", false)]
    public void Listener_addresses_match_by_wildcard_CIDR_and_route_domain(string destination, string flowDestination, bool listens)
    {
        var config = Config(service: [Rule("allow", "accept")], servers: [Server("/T/A/vs", 0, destination: destination)]);

        Assert.Equal(listens, config.Evaluate(Flow(destination: flowDestination)).Allowed);
    }

    [Fact]
    public void A_listener_on_a_port_ignores_flows_without_one()
    {
        var config = Config(service: [Rule("allow", "accept")], servers: [Server("/T/A/vs", 0, port: 53, layer4: "udp")]);

        Assert.True(config.Evaluate(Flow(protocol: "udp", port: 53)).Allowed);
        Assert.Equal(EvaluationStep.NoListener, config.Evaluate(Flow(protocol: "icmp", port: null)).Decision.Action);
    }

    [Fact]
    public void The_staged_policy_is_reported_but_never_enforced()
    {
        var config = Config(service: [Rule("allow", "accept")], staged: [Rule("would_drop", "drop")]);
        var verdict = config.Evaluate(Flow());

        Assert.True(verdict.Allowed);
        Assert.Equal("allow", verdict.Decision.RuleName);
        Assert.NotNull(verdict.Staged);
        Assert.False(verdict.Staged.Allowed);
        Assert.Equal(new EvaluationStep(ContextKind.VirtualServer, VirtualServer, StagedPolicy, null, "would_drop", "drop"), verdict.Staged.Decision);
        Assert.Equal(verdict.Chain.Take(2), verdict.Staged.Chain.Take(2));
        Assert.Null(verdict.Staged.Staged);
    }

    [Fact]
    public void The_staged_policy_is_not_reached_when_an_earlier_context_decides()
    {
        var config = Config(global: [Rule("allow", "accept-decisively")], staged: [Rule("would_drop", "drop")]);

        Assert.Null(config.Evaluate(Flow()).Staged);
    }

    [Fact]
    public void A_virtual_server_without_a_staged_policy_reports_none()
    {
        Assert.Null(Config(service: [Rule("allow", "accept")]).Evaluate(Flow()).Staged);
    }
}
