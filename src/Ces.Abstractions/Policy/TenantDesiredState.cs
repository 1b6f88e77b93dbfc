using Ces.Abstractions.Collections;
using Ces.Abstractions.Config;

namespace Ces.Abstractions.Policy;

/// <summary>Everything one BIG-IP tenant should hold, before it is turned into AFM objects.</summary>
public sealed record TenantDesiredState(TenantConfig Tenant, EquatableArray<ResolvedRule> Rules);
