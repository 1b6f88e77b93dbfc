using Ces.Abstractions.Api;
using Ces.Abstractions.Config;
using CsCheck;
using static Ces.Grains.Tests.Compiler.Build;

namespace Ces.Grains.Tests.Compiler;

/// <summary>A generated valid input: config, CES objects and observed sources, shrinking towards small worlds.</summary>
internal sealed record RandomWorld(CesConfig Config, ClusterSnapshot Snapshot)
{
    private static readonly string[] Addresses = ["8.8.8.8", "10.0.0.0/8", "192.0.2.1-192.0.2.9", "2001:db8::1", "2001:db8::/48", "api.example.com", "db.internal.example"];
    private static readonly string[] Actions = ["accept", "accept-decisively", "drop", "reject"];

    /// <summary>Every choice is drawn from an integer stream, so CsCheck shrinks a failing world by shrinking the integers.</summary>
    public static readonly Gen<RandomWorld> Gen = CsCheck.Gen.Int[0, 1_000].Array[64].Select(From);

    public static RandomWorld From(int[] stream)
    {
        var draw = new Draw(stream);
        var routeDomains = draw.Bool();
        var namespaces = Enumerable.Range(0, 1 + draw.Next(4)).Select(i => $"ns{i}").ToArray();
        var tenants = routeDomains
            ? Enumerable.Range(0, 1 + draw.Next(2)).Select(t => Tenant($"t{t}", string.Join(",", namespaces.Where((_, i) => i % 3 == t)), 10 + t, $"rd{t}")).ToArray()
            : [];
        var config = Build.Config(
            routeDomains: routeDomains,
            commonNamespaces: string.Join(",", routeDomains ? namespaces.Where((_, i) => i % 3 == 2) : namespaces),
            tenants: tenants,
            iRules: ["bwc-1mbps-irule"],
            schemaVersion: draw.Bool() ? "3.29.0" : "3.56.0",
            namespaceSource: draw.Bool() ? NamespaceSourceMode.Pods : NamespaceSourceMode.KubeOvnCidr,
            clusterRuleSource: draw.Bool() ? ClusterRuleSourceMode.Cluster : ClusterRuleSourceMode.Any);

        var exsvcs = new List<ExternalService>();
        var rules = new List<EgressRule>();
        foreach (var ns in namespaces.Append("kube-system"))
        {
            for (var e = 0; e < draw.Next(3); e++)
            {
                var ports = Enumerable.Range(0, draw.Next(3)).Select(p => draw.Next(4) switch
                {
                    0 => Port("tcp", (80 + p).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    1 => Port("udp", "53,5353"),
                    2 => Port("tcp", "8080-8090", $"bw{p}", "bwc-1mbps-irule"),
                    _ => Port("TCP", "443"),
                }).ToArray();
                exsvcs.Add(ExSvc(ns, $"x{e}", [.. Enumerable.Range(0, 1 + draw.Next(3)).Select(_ => Addresses[draw.Next(Addresses.Length)]).Distinct()], ports));
            }
        }
        for (var r = 0; r < draw.Next(6); r++)
        {
            var ns = namespaces[draw.Next(namespaces.Length)];
            var refs = Enumerable.Range(0, 1 + draw.Next(2)).Select(_ => $"x{draw.Next(3)}").ToArray();
            var created = draw.Bool() ? new DateTimeOffset(2026, 1, 1, 0, draw.Next(3), 0, TimeSpan.Zero) : (DateTimeOffset?)null;
            var action = Actions[draw.Next(Actions.Length)];
            var mode = draw.Next(4) == 0 ? "staged" : null;
            rules.Add(draw.Next(3) switch
            {
                0 => ClusterRule($"c{r}", action, refs, draw.Bool(), created, mode),
                1 => NamespaceRule(ns, $"n{r}", action, refs, draw.Bool(), created, mode),
                _ => ServiceRule(ns, $"s{r}", action, $"svc{draw.Next(2)}", refs, draw.Bool(), created, mode),
            });
        }
        var pods = namespaces.SelectMany((ns, i) => Enumerable.Range(0, draw.Next(3)).Select(p => Pod(ns, $"p{p}", $"10.{i}.0.{p + 1}")));
        var slices = namespaces.SelectMany((ns, i) => Enumerable.Range(0, draw.Next(2)).Select(s => Endpoints(ns, $"svc{s}", [$"10.{i}.1.{s + 1}"])));
        var nsObjects = namespaces.Select((ns, i) => Namespace(ns, draw.Bool() ? $"10.{i}.0.0/16" : null));
        return new RandomWorld(config, Build.Snapshot(exsvcs, rules, nsObjects, pods, slices));
    }

    public override string ToString() =>
        $"{Snapshot.Rules.Count} rules, {Snapshot.ExternalServices.Count} ExternalServices, RD={Config.IsSupportRouteDomain}, "
        + string.Join("; ", Snapshot.Rules.Select(r => $"{r.Ref} {r.Spec.Action}{(r.Spec.IsStaged ? " staged" : "")} [{string.Join(",", r.Spec.ExternalServices)}]"));

    /// <summary>Everything in the world, one object a line: enough to rebuild a failing case by hand.</summary>
    public string Describe() => string.Join("\n", [
        $"config: RD={Config.IsSupportRouteDomain} namespaceSource={Config.NamespaceSource} clusterRuleSource={Config.ClusterRuleSource} schema={Config.SchemaVersion}",
        .. Config.Tenants.Select(t => $"tenant {t.Name} rd={t.RouteDomain.Id}/{t.RouteDomain.Name} namespaces=[{string.Join(",", t.Namespaces)}]"),
        .. Snapshot.ExternalServices.Select(e => $"{e.Ref} addresses=[{string.Join(",", e.Spec.Addresses)}] ports=[{string.Join(",", e.Spec.Ports.Select(p => $"{p.Protocol}:{p.Port}{(p.Bandwidth is null ? "" : "@" + p.Name)}"))}]"),
        .. Snapshot.Rules.Select(r => $"{r.Ref} {r.Spec.Action}{(r.Spec.IsStaged ? " staged" : "")} created={r.Metadata.CreationTimestamp:HH:mm} service={r.Spec.Service} [{string.Join(",", r.Spec.ExternalServices)}]"),
        .. Snapshot.Namespaces.Select(n => $"namespace {n.Name} cidr={n.Metadata.Annotations.GetValueOrDefault(CesApi.OvnCidrAnnotation)}"),
        .. Snapshot.Pods.Select(p => $"pod {p.Metadata.Namespace}/{p.Metadata.Name} {string.Join(",", p.PodIPs)}"),
        .. Snapshot.EndpointSlices.Select(s => $"endpoints {s.Metadata.Namespace}/{s.ServiceName} {string.Join(",", s.Endpoints.SelectMany(e => e.Addresses))}"),
    ]);

    private sealed class Draw(int[] stream)
    {
        private int _next;

        public int Next(int bound) => bound <= 1 ? 0 : stream[_next++ % stream.Length] % bound;

        public bool Bool() => Next(2) == 1;
    }
}
