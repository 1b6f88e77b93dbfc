using Ces.Abstractions.Collections;

namespace Ces.Grains.Evaluator;

/// <summary>An AFM address list: IPs, CIDRs and ranges (each may carry <c>%id</c>), DNS names, and nested lists by path.</summary>
public sealed record FirewallAddressList(
    string Path,
    EquatableArray<string> Addresses,
    EquatableArray<string> Fqdns = default,
    EquatableArray<string> AddressLists = default);
