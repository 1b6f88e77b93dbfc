using Ces.Abstractions.Api;

namespace Ces.Grains.Hosting;

/// <summary>Where rule statuses go: the Kubernetes status subresource in a cluster, a store and the log otherwise.</summary>
public interface IRuleStatusSink
{
    Task WriteAsync(ObjectRef rule, EgressRuleStatus? status, CancellationToken cancellationToken);
}
