using Ces.Abstractions.Collections;

namespace Ces.BigIp.Simulator.State;

/// A `security firewall address-list` as the device holds it; `Addresses` keep any `%id` suffix as written.
public sealed record AddressListState(string Path, EquatableArray<string> Addresses, EquatableArray<string> Fqdns, EquatableArray<string> AddressLists);
