namespace Ces.Grains.Evaluator;

/// <summary>An AFM rule: <c>accept</c>, <c>accept-decisively</c>, <c>drop</c> or <c>reject</c> for matching flows.</summary>
/// <param name="Protocol">An IANA keyword (<c>tcp</c>, <c>udp</c>, …); null or <c>any</c> matches every protocol.</param>
public sealed record FirewallRule(string Name, string Action, string? Protocol, FirewallRuleEnd Source, FirewallRuleEnd Destination);
