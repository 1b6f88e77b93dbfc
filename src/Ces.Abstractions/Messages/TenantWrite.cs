using Ces.Abstractions.Afm;
using Ces.Abstractions.Collections;
using Orleans;

namespace Ces.Abstractions.Messages;

/// <summary>What a partition asks its device to make true: the whole tenant, or only new address-list contents.</summary>
/// <param name="WriteId">Increases with every write of the partition; the acknowledgement names it.</param>
/// <param name="TenantJson">The tenant object of an AS3 declaration; null for a fast-path write.</param>
/// <param name="AddressLists">Fast path: address lists to replace through iControl REST, addresses carrying the route domain.</param>
/// <param name="Bindings">Context bindings the tenant needs once its declaration is applied.</param>
/// <param name="Objects">How many objects the tenant holds: a declaration's cost grows with it.</param>
/// <param name="Releases">Bindings of policies this declaration removes: unbound first, or the device would refuse to delete them.</param>
[GenerateSerializer, Immutable, Alias("ces.TenantWrite")]
public sealed record TenantWrite(
    string Tenant,
    long WriteId,
    string SchemaVersion,
    string? TenantJson,
    EquatableArray<AddressListUpdate> AddressLists,
    EquatableArray<ContextBinding> Bindings,
    int Objects = 0,
    EquatableArray<ContextBinding> Releases = default)
{
    public bool IsFastPath => TenantJson is null;
}

/// <summary>New contents of one address list, e.g. <c>/p2/Shared/k8s_svc_default_rule4_ep_mysql-service_src_address</c>.</summary>
[GenerateSerializer, Immutable, Alias("ces.AddressListUpdate")]
public sealed record AddressListUpdate(string Path, EquatableArray<string> Addresses);
