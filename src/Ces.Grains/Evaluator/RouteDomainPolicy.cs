namespace Ces.Grains.Evaluator;

/// <summary>The policy enforced in a route domain's context (<c>fw-enforced-policy</c> of <c>net route-domain</c>).</summary>
/// <param name="Name">The route domain's path, e.g. <c>/p2/rd2</c> or <c>/Common/0</c>; names the context in verdicts.</param>
public sealed record RouteDomainPolicy(int RouteDomain, string Name, string PolicyPath);
