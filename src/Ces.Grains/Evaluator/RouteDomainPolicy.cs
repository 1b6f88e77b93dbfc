namespace Ces.Grains.Evaluator;

/// <summary>The policies of a route domain's context (<c>fw-enforced-policy</c> and <c>fw-staged-policy</c> of <c>net route-domain</c>).</summary>
/// <param name="Name">The route domain's path, e.g. <c>/p2/rd2</c> or <c>/Common/0</c>; names the context in verdicts.</param>
/// <param name="PolicyPath">The enforced policy, or null when only a staged one is bound.</param>
/// <param name="StagedPolicyPath">The staged policy, or null.</param>
public sealed record RouteDomainPolicy(int RouteDomain, string Name, string? PolicyPath, string? StagedPolicyPath = null);
