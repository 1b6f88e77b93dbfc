using System.Collections.Frozen;

namespace Ces.Abstractions.Validation;

/// <summary>The <c>Firewall_Rule.protocol</c> values AS3 accepts, which depend on the schema version (as3.md §5.3).</summary>
public static class FirewallProtocols
{
    /// <summary>AS3 before 3.32 knows only these.</summary>
    public static readonly FrozenSet<string> Before332 = new[] { "any", "tcp", "udp" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>AS3 3.32 and later: the IANA keyword names of schema 3.56.</summary>
    public static readonly FrozenSet<string> Since332 = new[]
    {
        "3pc", "a/n", "ah", "any", "argus", "aris", "ax.25", "bbn-rcc", "bna", "br-sat-mon", "cbt", "cftp", "chaos",
        "compaq-peer", "cphb", "cpnx", "crdup", "crtp", "dccp", "dcn", "ddp", "ddx", "dgp", "dsr", "egp", "eigrp",
        "emcon", "encap", "esp", "etherip", "fc", "fire", "ggp", "gmtp", "gre", "hip", "hmp", "hopopt", "i-nlsp",
        "iatp", "icmp", "idpr", "idpr-cmtp", "idrp", "ifmp", "igmp", "igp", "il", "ip", "ipcomp", "ipcv", "ipip",
        "iplt", "ippc", "ipv4", "ipv6", "ipv6-auth", "ipv6-crypt", "ipv6-frag", "ipv6-icmp", "ipv6-nonxt",
        "ipv6-opts", "ipv6-route", "ipx-in-ip", "irtp", "isis", "iso-ip", "iso-tp4", "kryptolan", "l2tp", "larp",
        "leaf-1", "leaf-2", "manet", "merit-inp", "mfe-nsp", "micp", "mobile", "mobility-header", "mpls-in-ip",
        "mtp", "mux", "narp", "netblt", "nsfnet-igp", "nvp", "ospf", "pgm", "pim", "pipe", "pnni", "prm", "ptp",
        "pup", "pvp", "qnx", "rdp", "rohc", "rsvp", "rsvp-e2e-ignore", "rvd", "sat-expak", "sat-mon", "scc-sp",
        "scps", "sctp", "sdrp", "secure-vmtp", "shim6", "skip", "sm", "smp", "snp", "sprite-rpc", "sps", "srp",
        "sscopmce", "st", "stp", "sun-nd", "swipe", "tcf", "tcp", "tlsp", "tp++", "trunk-1", "trunk-2", "ttp", "udp",
        "udplite", "uti", "vines", "visa", "vmtp", "vrrp", "wb-expak", "wb-mon", "wesp", "wsn", "xnet", "xns-idp",
        "xtp",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Protocols whose rules may carry a destination port list.</summary>
    public static readonly FrozenSet<string> WithPorts = new[] { "tcp", "udp", "sctp" }.ToFrozenSet(StringComparer.Ordinal);

    public static FrozenSet<string> For(SchemaVersion version) => version >= SchemaVersion.Parse("3.32") ? Since332 : Before332;
}
