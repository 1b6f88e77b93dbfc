using Ces.Abstractions.Api;

namespace Ces.Grains.Compiler;

/// <summary>What the compiler did with one rule, for its status: programmed on a tenant, or why not.</summary>
public sealed record RuleOutcome(
    ObjectRef Rule,
    RuleOutcomeKind Kind,
    string? Tenant,
    string Message,
    int SourceAddresses = 0,
    int DestinationAddresses = 0);

/// <summary>Why a rule is or is not on the device.</summary>
public enum RuleOutcomeKind
{
    /// <summary>Compiled into its tenant.</summary>
    Programmed,

    /// <summary>Invalid spec; left out until it is fixed.</summary>
    Invalid,

    /// <summary>No known source addresses (no ready endpoints, no pods, no CIDR): left out, so it allows nothing.</summary>
    NoSources,

    /// <summary>None of its ExternalServices exist or are valid.</summary>
    NoDestinations,

    /// <summary>Its namespace is mapped to no tenant in ces-conf.yaml.</summary>
    OutOfScope,
}
