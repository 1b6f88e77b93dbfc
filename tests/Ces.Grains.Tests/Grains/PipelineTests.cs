using Ces.Abstractions.Api;
using Ces.Abstractions.Config;
using Ces.Abstractions.Grains;
using Ces.Abstractions.Keys;
using Ces.Grains.As3;
using Ces.Grains.Compiler;
using static Ces.Grains.Tests.Compiler.Build;

namespace Ces.Grains.Tests.Grains;

/// <summary>The grain pipeline on a TestCluster: sources in, device writes out, always ending at what the compiler declares.</summary>
public class PipelineTests
{
    private static readonly CesConfig RouteDomainConfig = Config(routeDomains: true, commonNamespaces: "project3",
        iRules: ["bwc-1mbps-irule"], tenants: [Tenant("p2", "default", 2, "rd2")]);

    private static ClusterSnapshot Examples(params PodObject[] extraPods) => Snapshot(
        [
            ExSvc("kube-system", "exsvc1", ["22.6.6.5", "10.0.0.0/8", "www.example.com"], Port("UDP", "53", "dns-udp"), Port("TCP", "53,8080-8090", "dns-tcp")),
            ExSvc("project3", "a", ["100.100.1.1"]),
            ExSvc("project3", "b", ["100.100.2.2"], Port("tcp", "22", "p")),
            ExSvc("default", "exsvc4", ["211.6.6.7"], Port("TCP", "3306", "tcp-3306"), Port("TCP", "443", "tcp-443", "bwc-1mbps-irule")),
        ],
        [
            ClusterRule("rule1", "accept-decisively", ["exsvc1"], logging: true),
            NamespaceRule("project3", "rule3", "drop", ["a", "b"]),
            ServiceRule("default", "rule4", "accept", "mysql-service", ["exsvc4"]),
        ],
        [Namespace("project3"), Namespace("default")],
        [Pod("project3", "p1", "10.66.0.5"), Pod("default", "db-0", "10.16.0.5"), .. extraPods],
        [Endpoints("default", "mysql-service", ["10.16.0.5", "10.16.0.6"])]);

    /// <summary>What the device must end up holding: the snapshot compiler's tenant objects.</summary>
    private static Dictionary<string, string> Expected(ClusterSnapshot snapshot, CesConfig config) =>
        PolicyCompiler.Compile(snapshot, new CompilerSettings(config)).Tenants.ToDictionary(t => t.Tenant, t => As3Writer.WriteTenantObject(t.Model));

    private static Task ConvergedAsync(GrainCluster grains, ClusterSnapshot snapshot, int seconds = 30) =>
        Eventually.Holds(
            () => Task.FromResult(Expected(snapshot, grains.World.Current.Config).Where(e => grains.World.Device.Tenant(e.Key) != e.Value).Select(e => e.Key).ToList()),
            differing => differing.Count == 0,
            "device equal to the desired tenants (the list names those that differ)",
            TimeSpan.FromSeconds(seconds));

    [Fact]
    public async Task A_rule_of_each_scope_converges_to_the_tenants_the_compiler_declares()
    {
        await using var grains = await GrainCluster.StartAsync(new TestWorld(RouteDomainConfig));
        var snapshot = Examples();
        await grains.Reconciler.ApplyAsync(snapshot, DateTimeOffset.UtcNow, resync: true, TestContext.Current.CancellationToken);

        await ConvergedAsync(grains, snapshot);
        Assert.Contains("k8s_svc_default_rule4_ext_exsvc4_rule_list", grains.World.Device.Tenant("p2"));
        Assert.Contains("k8s_global_rule1_ext_exsvc1_rule_list", grains.World.Device.Tenant("Common"));
        Assert.Equal(1, grains.World.Device.MaxConcurrent);
        var status = await Eventually.Holds(
            () => grains.Cluster.GrainFactory.GetGrain<IPolicyGrain>(GrainKeys.Policy(new ObjectRef(CesApi.ServiceEgressRuleKind, "default", "rule4"))).GetStatusAsync(),
            s => s?.Phase == RulePhase.Success, "rule4 Success");
        Assert.Equal(2, status!.SourceAddresses);
        Assert.Equal("bigip", status.Device);
    }

    [Fact]
    public async Task Nothing_is_written_before_the_first_full_resync()
    {
        await using var grains = await GrainCluster.StartAsync(new TestWorld(RouteDomainConfig));
        await grains.Reconciler.ApplyAsync(Examples(), DateTimeOffset.UtcNow, resync: false, TestContext.Current.CancellationToken);
        await Task.Delay(TimeSpan.FromMilliseconds(700), TestContext.Current.CancellationToken);
        Assert.Equal(0, grains.World.Device.Declarations);
    }

    [Fact]
    public async Task A_thousand_pod_changes_across_fifty_namespaces_make_far_fewer_device_writes()
    {
        var namespaces = Enumerable.Range(0, 50).Select(i => $"ns{i}").ToArray();
        var config = Config(commonNamespaces: string.Join(",", namespaces));
        await using var grains = await GrainCluster.StartAsync(new TestWorld(config));
        using var convergence = new ConvergenceRecorder();
        var exsvcs = namespaces.Select(ns => ExSvc(ns, "api", ["203.0.113.10"], Port("tcp", "443"))).ToList();
        var rules = namespaces.Select(ns => (EgressRule)NamespaceRule(ns, "egress", "accept", ["api"])).ToList();
        var pods = namespaces.Select((ns, i) => Pod(ns, "web-0", $"10.{i}.0.1")).ToList();
        var token = TestContext.Current.CancellationToken;
        await grains.Reconciler.ApplyAsync(Snapshot(exsvcs, rules, pods: pods), DateTimeOffset.UtcNow, resync: true, token);

        var random = new Random(7);
        for (var change = 0; change < 1000; change++)
        {
            var n = random.Next(namespaces.Length);
            pods[n] = Pod(namespaces[n], "web-0", $"10.{n}.{change / 250}.{change % 250 + 2}");
            await grains.Reconciler.ApplyAsync(Snapshot(exsvcs, rules, pods: pods), DateTimeOffset.UtcNow, resync: false, token);
        }
        var final = Snapshot(exsvcs, rules, pods: pods);
        await ConvergedAsync(grains, final);

        var device = grains.World.Device;
        var status = await grains.Cluster.GrainFactory.GetGrain<IDeviceGrain>("bigip").GetStatusAsync();
        var writes = status.Declarations + status.FastPathWrites;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"1000 pod changes over 50 namespaces: {writes} device writes ({status.Declarations} declarations, {status.FastPathWrites} fast-path writes " +
            $"patching {device.Patches} address lists); " +
            $"event→ack p50 {convergence.Percentile(0.5) * 1000:F0} ms, p99 {convergence.Percentile(0.99) * 1000:F0} ms over {convergence.Count} changes");
        Assert.True(convergence.Count >= 1000, $"{convergence.Count} convergence measurements");
        Assert.True(writes <= 100, $"{writes} device writes for 1000 changes");
        Assert.True(status.FastPathWrites > 0, "pod churn should take the fast path");
        Assert.Equal(1, device.MaxConcurrent);
    }

    [Fact]
    public async Task A_device_outage_delays_changes_but_loses_none()
    {
        await using var grains = await GrainCluster.StartAsync(new TestWorld(RouteDomainConfig));
        var token = TestContext.Current.CancellationToken;
        grains.World.Device.FailNext(8);
        var snapshot = Examples(Pod("project3", "p2", "10.66.0.6"));
        await grains.Reconciler.ApplyAsync(snapshot, DateTimeOffset.UtcNow, resync: true, token);

        await ConvergedAsync(grains, snapshot);
        Assert.True(grains.World.Device.Refusals >= 8);
    }

    [Fact]
    public async Task Killing_a_silo_mid_run_loses_nothing()
    {
        await using var grains = await GrainCluster.StartAsync(new TestWorld(RouteDomainConfig), silos: 3);
        var token = TestContext.Current.CancellationToken;
        await grains.Reconciler.ApplyAsync(Examples(), DateTimeOffset.UtcNow, resync: true, token);
        await ConvergedAsync(grains, Examples());

        await grains.Cluster.KillSiloAsync(grains.Cluster.SecondarySilos[0], token);
        var changed = Examples(Pod("project3", "p9", "10.66.0.9")) with { Rules = [.. Examples().Rules.Where(r => r.Ref.Name != "rule1")] };
        await grains.Reconciler.ApplyAsync(changed, DateTimeOffset.UtcNow, resync: false, token);
        await grains.Reconciler.ApplyAsync(changed, DateTimeOffset.UtcNow, resync: true, token);

        // Calls to grains on the dead silo wait until membership declares it dead, so allow for that under a loaded CI.
        await ConvergedAsync(grains, changed, seconds: 120);
        Assert.DoesNotContain("rule1", grains.World.Device.Tenant("Common"));
    }

    [Fact]
    public async Task Removing_the_last_staged_rule_releases_its_binding_before_the_declaration_that_drops_the_policy()
    {
        await using var grains = await GrainCluster.StartAsync(new TestWorld(RouteDomainConfig));
        var token = TestContext.Current.CancellationToken;
        var staged = Examples() with { Rules = [.. Examples().Rules, NamespaceRule("project3", "trial", "accept", ["a"], mode: "staged")] };
        await grains.Reconciler.ApplyAsync(staged, DateTimeOffset.UtcNow, resync: true, token);
        await ConvergedAsync(grains, staged);
        Assert.Contains("k8s_ns_staged_policy_0", grains.World.Device.Tenant("Common"));
        var declarationsWithStaged = grains.World.Device.Declarations;

        await grains.Reconciler.ApplyAsync(Examples(), DateTimeOffset.UtcNow, resync: false, token);
        await ConvergedAsync(grains, Examples());

        var (binding, before) = Assert.Single(grains.World.Device.Releases);
        Assert.Equal(new Ces.Abstractions.Afm.ContextBinding(Ces.Abstractions.Afm.ContextBindingKind.RouteDomain, "/Common/0", "/Common/Shared/k8s_ns_staged_policy_0", Staged: true), binding);
        Assert.Equal(declarationsWithStaged, before);
        Assert.DoesNotContain("staged_policy", grains.World.Device.Tenant("Common"));
    }

    [Fact]
    public async Task A_full_resync_repairs_a_tenant_edited_on_the_device_behind_CES()
    {
        await using var grains = await GrainCluster.StartAsync(new TestWorld(RouteDomainConfig));
        var token = TestContext.Current.CancellationToken;
        await grains.Reconciler.ApplyAsync(Examples(), DateTimeOffset.UtcNow, resync: true, token);
        await ConvergedAsync(grains, Examples());

        grains.World.Device.Tamper("Common");
        await grains.Reconciler.ApplyAsync(Examples(), DateTimeOffset.UtcNow, resync: true, token);

        await ConvergedAsync(grains, Examples());
    }

    [Fact]
    public async Task An_invalid_rule_gets_Failed_status_while_other_rules_keep_working()
    {
        await using var grains = await GrainCluster.StartAsync(new TestWorld(RouteDomainConfig));
        var snapshot = Examples() with { Rules = [.. Examples().Rules, NamespaceRule("project3", "broken", "allow", ["a"])] };
        await grains.Reconciler.ApplyAsync(snapshot, DateTimeOffset.UtcNow, resync: true, TestContext.Current.CancellationToken);

        await ConvergedAsync(grains, snapshot);
        var broken = grains.World.Statuses[new ObjectRef(CesApi.NamespaceEgressRuleKind, "project3", "broken")]!;
        Assert.Equal(RulePhase.Failed, broken.Phase);
        Assert.Equal("InvalidSpec", broken.Reason);
        Assert.Contains("spec.action", broken.Message);
        await Eventually.Holds(() => Task.FromResult(grains.World.Statuses.GetValueOrDefault(new ObjectRef(CesApi.NamespaceEgressRuleKind, "project3", "rule3"))?.Phase),
            phase => phase == RulePhase.Success, "rule3 Success");
    }
}
