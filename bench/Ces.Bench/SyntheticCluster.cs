using System.Globalization;
using Ces.Abstractions.Api;
using Ces.Abstractions.Collections;
using Ces.Abstractions.Config;

namespace Ces.Bench;

/// <summary>A synthetic cluster of a given shape: namespaces over tenants, pods, rules of the three scopes, ExternalServices.</summary>
/// <remarks>Seeded, so two runs build the same cluster.</remarks>
public sealed record SyntheticCluster(CesConfig Config, ClusterSnapshot Snapshot)
{
    public static SyntheticCluster Build(ClusterShape shape)
    {
        var random = new Random(shape.Seed);
        var tenants = Enumerable.Range(0, shape.Tenants).Select(t => $"t{t:D3}").ToArray();
        var namespaces = Enumerable.Range(0, shape.Namespaces).Select(n => $"ns-{n:D5}").ToArray();
        var config = new CesConfig
        {
            ClusterName = "k8s",
            MasterCluster = "k8s",
            IsSupportRouteDomain = shape.Tenants > 0,
            SchemaVersion = "3.56.0",
            IRule = ["bwc-1mbps-irule"],
            Tenants = [
                new TenantConfig { Name = "Common", Namespaces = shape.Tenants > 0 ? [] : namespaces, GwPoolServerAddresses = ["192.168.10.1"] },
                .. tenants.Select((t, i) => new TenantConfig
                {
                    Name = t,
                    Namespaces = [.. namespaces.Where((_, n) => n % shape.Tenants == i)],
                    RouteDomain = new RouteDomainConfig(i + 1, $"rd{i + 1}"),
                    GwPoolServerAddresses = ["192.168.20.1"],
                }),
            ],
        };

        var exsvcs = new List<ExternalService>();
        for (var e = 0; e < shape.ClusterExternalServices; e++)
        {
            exsvcs.Add(ExternalService("kube-system", $"shared-{e}", random));
        }
        foreach (var ns in namespaces)
        {
            exsvcs.Add(ExternalService(ns, "api", random));
            exsvcs.Add(ExternalService(ns, "db", random));
        }

        var created = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var rules = new List<EgressRule>();
        var slices = new List<EndpointSliceObject>();
        for (var r = 0; r < shape.Rules; r++)
        {
            var ns = namespaces[r % namespaces.Length];
            var meta = new ObjectMeta($"rule-{r}", ns, created.AddSeconds(r));
            var action = r % 7 == 0 ? "drop" : "accept";
            switch (r % 20)
            {
                case 0 when rules.Count(x => x is ClusterEgressRule) < shape.ClusterExternalServices:
                    rules.Add(new ClusterEgressRule(meta with { Namespace = null }, new EgressRuleSpec("accept-decisively", false, [$"shared-{r % shape.ClusterExternalServices}"])));
                    break;
                case < 10:
                    rules.Add(new NamespaceEgressRule(meta, new EgressRuleSpec(action, r % 3 == 0, ["api"])));
                    break;
                default:
                    var service = $"svc-{r}";
                    rules.Add(new ServiceEgressRule(meta, new EgressRuleSpec(action, false, ["api", "db"], service)));
                    slices.Add(new EndpointSliceObject(new ObjectMeta(service + "-x", ns), service,
                        [.. Enumerable.Range(0, 3).Select(i => new EndpointEntry([PodIp(r * 3 + i)], true))]));
                    break;
            }
        }

        var pods = Enumerable.Range(0, shape.Pods)
            .Select(p => new PodObject(new ObjectMeta($"pod-{p}", namespaces[p % namespaces.Length]), "Running", false, [PodIp(p)]));
        return new SyntheticCluster(config, new ClusterSnapshot([.. exsvcs], [.. rules], [.. namespaces.Select(n => new NamespaceObject(new ObjectMeta(n)))], [.. pods], [.. slices]));
    }

    private static string PodIp(int index) =>
        string.Create(CultureInfo.InvariantCulture, $"10.{(index >> 16) & 255}.{(index >> 8) & 255}.{index & 255}");

    private static ExternalService ExternalService(string ns, string name, Random random) => new(
        new ObjectMeta(name, ns),
        new ExternalServiceSpec(
            [string.Create(CultureInfo.InvariantCulture, $"{random.Next(1, 223)}.{random.Next(256)}.{random.Next(256)}.0/24"), $"{name}.{ns}.example.com"],
            [new ExternalServicePort("https", "tcp", "443", null), new ExternalServicePort("dns", "udp", "53", null)]));
}

/// <summary>How big a synthetic cluster is.</summary>
/// <param name="Tenants">0 puts everything in Common (no route domains); otherwise namespaces spread over this many tenants.</param>
public sealed record ClusterShape(int Namespaces, int Pods, int Rules, int Tenants, int ClusterExternalServices = 50, int Seed = 42);
