using Ces.Abstractions.Collections;
using Orleans;

namespace Ces.Abstractions.Api;

/// <summary>The scope of an egress rule, which decides the AFM context it is enforced in.</summary>
public enum EgressScope
{
    /// <summary>ClusterEgressRule: the global context.</summary>
    Cluster,

    /// <summary>NamespaceEgressRule: the tenant's route-domain context.</summary>
    Namespace,

    /// <summary>ServiceEgressRule: the tenant's outbound virtual server.</summary>
    Service,
}

/// <summary>One egress rule of any scope: the fields the three CES rule kinds share.</summary>
[GenerateSerializer, Immutable, Alias("ces.EgressRule")]
public abstract record EgressRule(ObjectMeta Metadata, EgressRuleSpec Spec, EgressRuleStatus? Status)
{
    public abstract EgressScope Scope { get; }

    public abstract string Kind { get; }

    public ObjectRef Ref => new(Kind, Metadata.Namespace ?? "", Metadata.Name);
}

/// <summary>A cluster-scoped rule (security team), enforced in the global context.</summary>
[GenerateSerializer, Immutable, Alias("ces.ClusterEgressRule")]
public sealed record ClusterEgressRule(ObjectMeta Metadata, EgressRuleSpec Spec, EgressRuleStatus? Status = null)
    : EgressRule(Metadata, Spec, Status)
{
    public override EgressScope Scope => EgressScope.Cluster;

    public override string Kind => CesApi.ClusterEgressRuleKind;
}

/// <summary>A namespace rule (platform/project team), enforced in the tenant's route-domain context.</summary>
[GenerateSerializer, Immutable, Alias("ces.NamespaceEgressRule")]
public sealed record NamespaceEgressRule(ObjectMeta Metadata, EgressRuleSpec Spec, EgressRuleStatus? Status = null)
    : EgressRule(Metadata, Spec, Status)
{
    public override EgressScope Scope => EgressScope.Namespace;

    public override string Kind => CesApi.NamespaceEgressRuleKind;
}

/// <summary>A service rule (application team), enforced on the tenant's outbound virtual server.</summary>
[GenerateSerializer, Immutable, Alias("ces.ServiceEgressRule")]
public sealed record ServiceEgressRule(ObjectMeta Metadata, EgressRuleSpec Spec, EgressRuleStatus? Status = null)
    : EgressRule(Metadata, Spec, Status)
{
    public override EgressScope Scope => EgressScope.Service;

    public override string Kind => CesApi.ServiceEgressRuleKind;
}

/// <summary>The spec shared by the rule kinds; <see cref="Service"/> is set only on ServiceEgressRule.</summary>
/// <param name="Mode"><c>enforce</c> (the default, also when null) or <c>staged</c>: compiled into AFM staged policy, logged but not enforced.</param>
[GenerateSerializer, Immutable, Alias("ces.EgressRuleSpec")]
public sealed record EgressRuleSpec(
    string? Action,
    bool Logging,
    EquatableArray<string> ExternalServices,
    string? Service = null,
    string? Mode = null)
{
    public const string Enforce = "enforce";
    public const string Staged = "staged";

    /// <summary>Whether the rule is staged; an invalid mode is reported by validation, not here.</summary>
    public bool IsStaged => Mode == Staged;
}

/// <summary>A rule's status: CES's phase (Syncing, Success, and our Failed) plus what CES 0.5 never reported.</summary>
[GenerateSerializer, Immutable, Alias("ces.EgressRuleStatus")]
public sealed record EgressRuleStatus(
    string? Phase,
    long? ObservedGeneration = null,
    string? Reason = null,
    string? Message = null,
    string? Device = null,
    int? SourceAddresses = null,
    int? DestinationAddresses = null,
    EquatableArray<Condition> Conditions = default);

/// <summary>A Kubernetes-style status condition.</summary>
[GenerateSerializer, Immutable, Alias("ces.Condition")]
public sealed record Condition(string Type, string Status, string Reason, string Message, DateTimeOffset LastTransitionTime, long? ObservedGeneration = null);

/// <summary>The phases a rule's status reports.</summary>
public static class RulePhase
{
    public const string Syncing = "Syncing";
    public const string Success = "Success";
    public const string Failed = "Failed";
}
