using System.Collections.Frozen;
using Ces.Abstractions.Api;
using Ces.Abstractions.Config;
using Ces.Abstractions.Policy;
using Ces.Abstractions.Diagnostics;
using Ces.Abstractions.Validation;

namespace Ces.Grains.Compiler;

/// <summary>Checks every field of an ExternalService and groups its ports the way CES 0.5 names them (§4.5).</summary>
public sealed class ExternalServiceValidator(FrozenSet<string> bandwidthIRules, FrozenSet<string> protocols)
{
    /// <summary>The validator for a config: its bandwidth iRules and the protocols its schemaVersion allows.</summary>
    public static ExternalServiceValidator For(CesConfig config) => Cache.GetValue(config, c =>
    {
        var version = SchemaVersion.TryParse(c.SchemaVersion, out var parsed) ? parsed : SchemaVersion.Parse(CesConfig.DefaultSchemaVersion);
        return new ExternalServiceValidator(c.IRule.ToFrozenSet(StringComparer.Ordinal), FirewallProtocols.For(version));
    });

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<CesConfig, ExternalServiceValidator> Cache = [];

    /// <summary>The destination, or null when the object is invalid (every problem is reported).</summary>
    public Destination? Validate(ExternalService service, ICollection<Diagnostic> diagnostics)
    {
        var subject = service.Ref.ToString();
        var errors = diagnostics.Count(d => d.IsError);
        var (addresses, fqdns) = ValidateAddresses(service, subject, diagnostics);
        var groups = GroupPorts(service, subject, diagnostics);
        if (diagnostics.Count(d => d.IsError) > errors)
        {
            return null;
        }
        return new Destination(service.Metadata.Namespace ?? "", service.Metadata.Name, [.. addresses], [.. fqdns], [.. groups]);
    }

    private static (List<string> Addresses, List<string> Fqdns) ValidateAddresses(ExternalService service, string subject, ICollection<Diagnostic> diagnostics)
    {
        var addresses = new List<string>();
        var fqdns = new List<string>();
        if (service.Spec.Addresses.IsEmpty)
        {
            diagnostics.Add(Diagnostic.Error(subject, "spec.addresses", "at least one address is required"));
        }
        for (var i = 0; i < service.Spec.Addresses.Count; i++)
        {
            var address = service.Spec.Addresses[i];
            var kind = AddressSyntax.Classify(address);
            var target = AddressSyntax.IsNumeric(kind) ? addresses : kind == AddressKind.Hostname ? fqdns : null;
            if (target is null)
            {
                diagnostics.Add(Diagnostic.Error(subject, $"spec.addresses[{i}]", $"'{address}' is not an IP address, CIDR, address range or DNS name"));
            }
            else if (!target.Contains(address, StringComparer.OrdinalIgnoreCase))
            {
                target.Add(kind == AddressKind.Hostname ? address.ToLowerInvariant() : address);
            }
        }
        return (addresses, fqdns);
    }

    private List<PortGroup> GroupPorts(ExternalService service, string subject, ICollection<Diagnostic> diagnostics)
    {
        var groups = new Dictionary<string, GroupBuilder>(StringComparer.Ordinal);
        for (var i = 0; i < service.Spec.Ports.Count; i++)
        {
            if (ValidatePort(service.Spec.Ports[i], $"spec.ports[{i}]", subject, diagnostics) is not { } entry)
            {
                continue;
            }
            // CES names a bandwidth entry's group after the entry, and plain entries after their protocol (§4.5).
            var key = entry.Bandwidth is null ? entry.Protocol : entry.Name!;
            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = group = new GroupBuilder(entry.Protocol, entry.Bandwidth, $"spec.ports[{i}]");
            }
            else if (group.Protocol != entry.Protocol || group.Bandwidth != entry.Bandwidth)
            {
                diagnostics.Add(Diagnostic.Error(subject, $"spec.ports[{i}].name",
                    $"'{key}' names port group {group.Field} too, with a different protocol or bandwidth; give each bandwidth entry its own name"));
                continue;
            }
            group.Add(entry.Ports);
        }
        if (groups.Count == 0)
        {
            return [new PortGroup("any", null, [], null)];
        }
        return [.. groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Value.Build(g.Key))];
    }

    private PortEntry? ValidatePort(ExternalServicePort port, string field, string subject, ICollection<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Count;
        var protocol = port.Protocol?.ToLowerInvariant() ?? "";
        var hasPort = !string.IsNullOrEmpty(port.Port);
        if (protocol.Length == 0)
        {
            diagnostics.Add(Diagnostic.Error(subject, field + ".protocol", "a protocol is required (CES 0.5 silently dropped such ports)"));
        }
        else if (!protocols.Contains(protocol))
        {
            diagnostics.Add(Diagnostic.Error(subject, field + ".protocol",
                $"'{port.Protocol}' is not a protocol AS3 accepts at this schemaVersion ({string.Join(", ", protocols.Count <= 3 ? protocols.Order(StringComparer.Ordinal) : ["tcp", "udp", "icmp", "..."])})"));
        }
        else if (hasPort && !FirewallProtocols.WithPorts.Contains(protocol))
        {
            diagnostics.Add(Diagnostic.Error(subject, field + ".port", $"protocol '{protocol}' has no ports; use tcp, udp or sctp"));
        }
        IReadOnlyList<PortRange>? ranges = [];
        if (hasPort && (ranges = PortSyntax.TryParse(port.Port!, out var portError)) is null)
        {
            diagnostics.Add(Diagnostic.Error(subject, field + ".port", portError!));
        }
        var bandwidth = string.IsNullOrEmpty(port.Bandwidth) ? null : port.Bandwidth;
        if (bandwidth is not null && !bandwidthIRules.Contains(bandwidth))
        {
            diagnostics.Add(Diagnostic.Error(subject, field + ".bandwidth",
                $"'{bandwidth}' is not one of the iRules listed in ces-conf.yaml iRule ({string.Join(", ", bandwidthIRules.Order(StringComparer.Ordinal))})"));
        }
        if (bandwidth is not null && (string.IsNullOrEmpty(port.Name) || !As3NameRules.IsValidNameFragment(port.Name) || port.Name.EndsWith('-')))
        {
            diagnostics.Add(Diagnostic.Error(subject, field + ".name",
                "a port with a bandwidth needs a name of letters, digits, '_', '.' and '-' (it names the port list)"));
        }
        if (diagnostics.Count > errors)
        {
            return null;
        }
        return new PortEntry(port.Name, protocol, bandwidth, ranges!.Select(r => r.ToString()).ToList());
    }

    private sealed record PortEntry(string? Name, string Protocol, string? Bandwidth, List<string> Ports);

    private sealed class GroupBuilder(string protocol, string? bandwidth, string firstField)
    {
        private readonly List<string> _ports = [];
        private bool _allPorts;

        public string Protocol => protocol;

        public string? Bandwidth => bandwidth;

        public string Field => firstField;

        /// <summary>An entry without ports means every port, which covers any listed ports.</summary>
        public void Add(List<string> ports)
        {
            _allPorts |= ports.Count == 0;
            _ports.AddRange(ports.Where(p => !_ports.Contains(p)));
        }

        public PortGroup Build(string key) => new(key, protocol, _allPorts ? [] : [.. _ports], bandwidth);
    }
}
