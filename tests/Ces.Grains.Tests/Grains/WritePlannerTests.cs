using Ces.Abstractions.Afm;
using Ces.Grains.Hosting;
using Ces.Grains.Partitions;

namespace Ces.Grains.Tests.Grains;

/// <summary>How a partition chooses between nothing, the iControl fast path and a declaration.</summary>
public class WritePlannerTests
{
    private static AfmTenant Tenant(params (string Name, string[] Addresses)[] lists) => new(
        "Common", null,
        [.. lists.Select(l => new AfmAddressList(l.Name, [.. l.Addresses], []))],
        [], [], [],
        new AfmPool("k8s_gw_pool", [], []),
        new AfmVirtualAddress("k8s_outbound_va", "0.0.0.0", "disable", false),
        new AfmVirtualServer("k8s_outbound_vs", "/Common/Shared/k8s_outbound_va", "k8s_gw_pool", "/Common/Shared/k8s_svc_policy_rd", null, null),
        null);

    [Fact]
    public void Changed_addresses_alone_take_the_fast_path_with_the_route_domain()
    {
        var updates = WritePlanner.FastPath(Tenant(("a", ["10.0.0.1"]), ("b", ["10.0.0.2"])), Tenant(("a", ["10.0.0.1"]), ("b", ["10.0.0.3"])), routeDomainId: 2);
        var update = Assert.Single(updates!);
        Assert.Equal("/Common/Shared/b", update.Path);
        Assert.Equal(["10.0.0.3%2"], update.Addresses);
    }

    [Fact]
    public void A_new_or_removed_list_needs_a_declaration() =>
        Assert.Null(WritePlanner.FastPath(Tenant(("a", ["10.0.0.1"])), Tenant(("a", ["10.0.0.1"]), ("b", ["10.0.0.2"])), 0));

    [Fact]
    public void Nothing_applied_yet_needs_a_declaration() =>
        Assert.Null(WritePlanner.FastPath(null, Tenant(("a", ["10.0.0.1"])), 0));

    [Fact]
    public void More_patches_than_one_declaration_costs_fall_back_to_a_declaration()
    {
        var before = Tenant([.. Enumerable.Range(0, 100).Select(i => ($"l{i}", new[] { "10.0.0.1" }))]);
        var after = Tenant([.. Enumerable.Range(0, 100).Select(i => ($"l{i}", new[] { "10.0.0.2" }))]);
        var limit = new CesGrainOptions().FastPathLimit(after.ObjectCount);
        Assert.Equal(62, limit);
        Assert.Null(WritePlanner.FastPath(before, after, 0, limit));
        Assert.Equal(100, WritePlanner.FastPath(before, after, 0)!.Count);
    }
}
