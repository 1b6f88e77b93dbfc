using System.Collections.Concurrent;
using System.Diagnostics;
using Ces.Grains.Explain;
using Ces.Grains.Tests.Compiler;

namespace Ces.Grains.Tests.Explain;

/// <summary>The compiled AFM state, evaluated by the AFM evaluator through explain, against <see cref="CrdReference"/> on random worlds and flows.</summary>
public class DifferentialTests(ITestOutputHelper output)
{
    private const int Worlds = 6_000;
    private const int FlowsPerWorld = 40;

    [Fact]
    public void The_AFM_evaluator_agrees_with_the_CRD_semantics_on_at_least_100k_random_world_and_flow_pairs()
    {
        var failures = new ConcurrentBag<(int Seed, DifferentialCase Case)>();
        var pairs = 0L;
        var spread = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        DifferentialCase.Tally = answer => spread.AddOrUpdate(Category(answer), 1, (_, n) => n + 1);
        var clock = Stopwatch.StartNew();
        Parallel.For(0, Worlds, new ParallelOptions { CancellationToken = TestContext.Current.CancellationToken }, seed =>
        {
            var world = World(seed);
            var flows = Flows(seed, world);
            Interlocked.Add(ref pairs, flows.Count);
            var explainer = PolicyExplainer.Build(world.Snapshot, Build.Settings(world.Config));
            var reference = new CrdReference(world.Config, world.Snapshot);
            if (flows.Select(f => DifferentialCase.Check(world, explainer, reference, f)).FirstOrDefault(c => c is not null) is { } failure)
            {
                failures.Add((seed, failure));
            }
        });
        DifferentialCase.Tally = null;
        output.WriteLine($"{pairs} (world, flow) pairs over {Worlds} worlds in {clock.Elapsed.TotalSeconds:F1} s; {failures.Count} worlds disagree");
        output.WriteLine(string.Join("\n", spread.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"  {s.Value,7}  {s.Key}")));

        if (failures.OrderBy(f => f.Seed).FirstOrDefault() is { Case: not null } first)
        {
            Assert.Fail($"{failures.Count} of {Worlds} worlds disagree; the first is seed {first.Seed}, shrunk to:\n{DifferentialCase.Shrink(first.Case)}");
        }
        Assert.True(pairs >= 100_000, $"only {pairs} pairs");
    }

    /// <summary>The kind of answer: verdict, deciding kind, and whether staging changes it.</summary>
    private static string Category(string answer)
    {
        var kind = answer.Split(' ')[2];
        var staged = answer.EndsWith("staged allow", StringComparison.Ordinal) != answer.StartsWith("allow", StringComparison.Ordinal);
        return $"{answer.Split(' ')[0]} by {(kind == "-" ? "deny-all/no listener" : kind)}{(staged ? ", staged differs" : "")}";
    }

    /// <summary>World <paramref name="seed"/>: the same integers on every run and machine.</summary>
    internal static RandomWorld World(int seed)
    {
        var random = new Random(seed);
        return RandomWorld.From([.. Enumerable.Range(0, 64).Select(_ => random.Next(0, 1_001))]);
    }

    private static readonly string[] Destinations =
        ["8.8.8.8", "10.1.2.3", "192.0.2.5", "192.0.2.10", "2001:db8::1", "2001:db8:0:1::5", "2001:db9::1", "api.example.com", "db.internal.example", "other.example"];

    private static readonly int[] Ports = [80, 81, 443, 53, 5353, 8085, 8091, 22];

    /// <summary>Flows from pods, ready endpoints and one outsider; most go to an ExternalService's address and port, the rest anywhere.</summary>
    internal static List<DifferentialFlow> Flows(int seed, RandomWorld world)
    {
        var random = new Random(~seed);
        var pods = world.Snapshot.Pods.Select(p => $"{p.Metadata.Namespace}/{p.Metadata.Name}").ToList();
        var endpoints = world.Snapshot.EndpointSlices.SelectMany(s => s.Endpoints.SelectMany(e => e.Addresses).Select(ip =>
            $"{ip}%{DifferentialCase.RouteDomain(world, new ExplainedSource(ip, ip, s.Metadata.Namespace, null, null, 0))}")).ToList();
        var services = world.Snapshot.ExternalServices;
        return [.. Enumerable.Range(0, FlowsPerWorld).Select(_ =>
        {
            var from = random.Next(10) switch
            {
                0 => "10.9.9.9",
                < 5 when endpoints.Count > 0 => endpoints[random.Next(endpoints.Count)],
                _ when pods.Count > 0 => pods[random.Next(pods.Count)],
                _ => "10.9.9.9",
            };
            if (services.Count == 0 || random.Next(4) == 0)
            {
                var protocol = random.Next(5) switch { 0 or 1 => "tcp", 2 or 3 => "udp", _ => "icmp" };
                return new DifferentialFlow(from, Destinations[random.Next(Destinations.Length)], protocol, protocol == "icmp" ? null : Ports[random.Next(Ports.Length)]);
            }
            var spec = Targeted(world, random, ref from) ?? services[random.Next(services.Count)].Spec;
            var destination = Inside(spec.Addresses[random.Next(spec.Addresses.Count)], random);
            if (spec.Ports.Count == 0 || random.Next(8) == 0)
            {
                return random.Next(2) == 0 ? new DifferentialFlow(from, destination, "icmp", null) : new DifferentialFlow(from, destination, "tcp", 80);
            }
            var port = spec.Ports[random.Next(spec.Ports.Count)];
            var number = random.Next(6) == 0 ? Ports[random.Next(Ports.Length)] : FirstPort(port.Port!, random);
            return new DifferentialFlow(from, destination, random.Next(8) == 0 ? "udp" : port.Protocol!.ToLowerInvariant(), number);
        })];
    }

    /// <summary>Most flows aim at a rule: from its namespace's pods or its Service's endpoints, to one of its ExternalServices.</summary>
    private static Abstractions.Api.ExternalServiceSpec? Targeted(RandomWorld world, Random random, ref string from)
    {
        var rules = world.Snapshot.Rules;
        if (rules.Count == 0 || random.Next(5) == 0)
        {
            return null;
        }
        var rule = rules[random.Next(rules.Count)];
        var ns = rule.Scope == Abstractions.Api.EgressScope.Cluster ? "kube-system" : rule.Ref.Namespace;
        var target = world.Snapshot.ExternalServices.Where(e => e.Metadata.Namespace == ns && rule.Spec.ExternalServices.Contains(e.Metadata.Name)).ToList();
        var pods = world.Snapshot.Pods.Where(p => p.Metadata.Namespace == rule.Ref.Namespace).ToList();
        var endpoints = world.Snapshot.EndpointSlices.Where(s => s.Metadata.Namespace == rule.Ref.Namespace && s.ServiceName == rule.Spec.Service).ToList();
        if (endpoints.Count > 0 && (rule.Scope == Abstractions.Api.EgressScope.Service || random.Next(3) == 0))
        {
            var ip = endpoints[0].Endpoints[0].Addresses[0];
            from = $"{ip}%{DifferentialCase.RouteDomain(world, new ExplainedSource(ip, ip, rule.Ref.Namespace, null, null, 0))}";
        }
        else if (pods.Count > 0)
        {
            from = $"{rule.Ref.Namespace}/{pods[random.Next(pods.Count)].Metadata.Name}";
        }
        return target.Count == 0 ? null : target[random.Next(target.Count)].Spec;
    }

    /// <summary>An address an ExternalService entry holds: the entry itself, or one inside its CIDR or range.</summary>
    private static string Inside(string entry, Random random) => entry switch
    {
        "10.0.0.0/8" => random.Next(2) == 0 ? "10.1.2.3" : "10.0.0.1",
        "192.0.2.1-192.0.2.9" => $"192.0.2.{random.Next(1, 11)}",
        "2001:db8::/48" => "2001:db8::7",
        _ => entry,
    };

    private static int FirstPort(string ports, Random random)
    {
        var entry = ports.Split(',')[random.Next(ports.Split(',').Length)].Split('-');
        var (low, high) = (int.Parse(entry[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(entry[^1], System.Globalization.CultureInfo.InvariantCulture));
        return random.Next(low, high + 2);
    }
}
