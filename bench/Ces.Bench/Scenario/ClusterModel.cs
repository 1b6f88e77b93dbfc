using System.Globalization;
using Ces.Abstractions.Api;
using Ces.Abstractions.Config;
using Ces.Grains.Compiler;

namespace Ces.Bench.Scenario;

/// <summary>A mutable synthetic cluster that churns: starts from <see cref="SyntheticCluster"/> and applies seeded random changes.</summary>
/// <remarks>Not thread-safe: the feeder owns it and publishes immutable snapshots.</remarks>
public sealed class ClusterModel
{
    private readonly Random _random;
    private readonly ChangeMix _mix;
    private readonly PodObject?[] _pods;
    private readonly Dictionary<string, List<int>> _podsByNamespace = new(StringComparer.Ordinal);
    private readonly List<EgressRule> _rules;
    private readonly List<ExternalService> _services;
    private readonly List<EndpointSliceObject> _slices;
    private readonly NamespaceObject[] _namespaces;
    private readonly Dictionary<string, string> _tenantOf = new(StringComparer.Ordinal);
    private int _nextIp;
    private long _generation = 1;

    public ClusterModel(SyntheticCluster cluster, ChangeMix mix, int seed)
    {
        Config = cluster.Config;
        _random = new Random(seed);
        _mix = mix;
        var snapshot = cluster.Snapshot;
        _pods = [.. snapshot.Pods];
        for (var i = 0; i < _pods.Length; i++)
        {
            var ns = _pods[i]!.Metadata.Namespace!;
            (_podsByNamespace.TryGetValue(ns, out var list) ? list : _podsByNamespace[ns] = []).Add(i);
        }
        _rules = [.. snapshot.Rules];
        _services = [.. snapshot.ExternalServices];
        _slices = [.. snapshot.EndpointSlices];
        _namespaces = [.. snapshot.Namespaces];
        var tenants = new TenantMap(Config);
        foreach (var ns in _namespaces)
        {
            _tenantOf[ns.Name] = tenants.ForNamespace(ns.Name)?.Name ?? CesConfig.CommonTenant;
        }
    }

    public CesConfig Config { get; }

    public ClusterSnapshot Snapshot() => new([.. _services], [.. _rules], [.. _namespaces], [.. _pods.OfType<PodObject>()], [.. _slices]);

    /// <summary>Makes one random change and says what it was.</summary>
    public ClusterChange Next(DateTimeOffset observedAt)
    {
        var pick = _random.Next(_mix.Total);
        if ((pick -= _mix.PodReplaced) < 0)
        {
            return ReplacePod(observedAt);
        }
        if ((pick -= _mix.EndpointReplaced) < 0 && _slices.Count > 0)
        {
            return ReplaceEndpoint(observedAt);
        }
        if ((pick -= _mix.ScaleToggle) < 0)
        {
            return Scale(observedAt);
        }
        if ((pick -= _mix.RuleEdit) < 0 && _rules.Count > 0)
        {
            return EditRule(observedAt);
        }
        return _services.Count > 0 ? EditService(observedAt) : ReplacePod(observedAt);
    }

    private ClusterChange ReplacePod(DateTimeOffset observedAt)
    {
        // A Deployment rollout: the pod goes, a new one with a new IP comes in the same namespace.
        for (var attempt = 0; attempt < 16; attempt++)
        {
            var index = _random.Next(_pods.Length);
            if (_pods[index] is { } pod)
            {
                _pods[index] = pod with { Metadata = pod.Metadata with { Name = $"pod-{index}-{_nextIp}" }, PodIPs = [NewIp()] };
                return new ClusterChange(ChangeKind.PodReplaced, _tenantOf[pod.Metadata.Namespace!], observedAt);
            }
        }
        return Scale(observedAt);
    }

    private ClusterChange ReplaceEndpoint(DateTimeOffset observedAt)
    {
        var index = _random.Next(_slices.Count);
        var slice = _slices[index];
        var endpoint = _random.Next(slice.Endpoints.Count);
        _slices[index] = slice with { Endpoints = [.. slice.Endpoints.Select((e, i) => i == endpoint ? e with { Addresses = [NewIp()] } : e)] };
        return new ClusterChange(ChangeKind.EndpointReplaced, _tenantOf[slice.Metadata.Namespace!], observedAt);
    }

    private ClusterChange Scale(DateTimeOffset observedAt)
    {
        var ns = _namespaces[_random.Next(_namespaces.Length)].Name;
        var indices = _podsByNamespace.GetValueOrDefault(ns) ?? [];
        var up = indices.Count > 0 && _pods[indices[0]] is null;
        foreach (var index in indices)
        {
            _pods[index] = up
                ? new PodObject(new ObjectMeta($"pod-{index}-{_nextIp}", ns), "Running", false, [NewIp()])
                : null;
        }
        return new ClusterChange(up ? ChangeKind.ScaledUp : ChangeKind.ScaledToZero, _tenantOf[ns], observedAt);
    }

    private ClusterChange EditRule(DateTimeOffset observedAt)
    {
        var index = _random.Next(_rules.Count);
        var rule = _rules[index];
        var meta = rule.Metadata with { Generation = ++_generation };
        // Cluster rules flip logging (their action stays decisive); the others flip accept/drop: a structural change, so an AS3 declaration.
        _rules[index] = rule switch
        {
            ClusterEgressRule c => c with { Metadata = meta, Spec = c.Spec with { Logging = !c.Spec.Logging } },
            NamespaceEgressRule n => n with { Metadata = meta, Spec = n.Spec with { Action = n.Spec.Action == "drop" ? "accept" : "drop" } },
            ServiceEgressRule s => s with { Metadata = meta, Spec = s.Spec with { Action = s.Spec.Action == "drop" ? "accept" : "drop" } },
            _ => rule,
        };
        return new ClusterChange(ChangeKind.RuleEdited, rule is ClusterEgressRule ? CesConfig.CommonTenant : _tenantOf[rule.Metadata.Namespace!], observedAt);
    }

    private ClusterChange EditService(DateTimeOffset observedAt)
    {
        var index = _random.Next(_services.Count);
        var service = _services[index];
        var cidr = string.Create(CultureInfo.InvariantCulture, $"{_random.Next(1, 223)}.{_random.Next(256)}.{_random.Next(256)}.0/24");
        _services[index] = service with { Spec = service.Spec with { Addresses = [cidr, .. service.Spec.Addresses.Skip(1)] } };
        var ns = service.Metadata.Namespace!;
        return new ClusterChange(ChangeKind.ExternalServiceEdited, _tenantOf.GetValueOrDefault(ns) ?? CesConfig.CommonTenant, observedAt);
    }

    /// <summary>Fresh pod IPs come from 11.0.0.0/8 so they never collide with the seeded 10.0.0.0/8 ones.</summary>
    private string NewIp()
    {
        var n = ++_nextIp;
        return string.Create(CultureInfo.InvariantCulture, $"11.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}");
    }
}
