namespace Ces.Bench.Scenario;

/// <summary>The kinds of change the churn makes, as a Kubernetes watch would report them.</summary>
public enum ChangeKind
{
    PodReplaced,
    EndpointReplaced,
    ScaledToZero,
    ScaledUp,
    RuleEdited,
    ExternalServiceEdited,
}
