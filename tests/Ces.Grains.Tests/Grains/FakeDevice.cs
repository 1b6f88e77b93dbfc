using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Ces.Abstractions.Afm;
using Ces.Abstractions.Messages;
using Ces.Grains.As3;
using Ces.Grains.Compiler;
using Ces.Grains.Devices;

namespace Ces.Grains.Tests.Grains;

/// <summary>A hand-written device for grain tests: keeps each tenant as declared, applies address-list patches, can be down.</summary>
internal sealed class FakeDevice : IDeviceClient
{
    private readonly ConcurrentDictionary<string, JsonObject> _tenants = new(StringComparer.Ordinal);
    private int _inFlight;
    private int _unavailable;

    public int Declarations;
    public int Patches;
    public int Saves;
    public int Refusals;
    public int MaxConcurrent;

    /// <summary>The next <paramref name="writes"/> writes find the device unavailable.</summary>
    public void FailNext(int writes) => Interlocked.Exchange(ref _unavailable, writes);

    /// <summary>Someone edits the device behind CES's back: the tenant loses its objects but its class.</summary>
    public void Tamper(string tenant) => _tenants[tenant] = new JsonObject { ["class"] = "Tenant" };

    /// <summary>A tenant object as the device holds it, written canonically for comparison.</summary>
    public string? Tenant(string name) => _tenants.TryGetValue(name, out var tenant) ? CanonicalJson.Serialize(tenant) : null;

    public async Task<DeviceWriteResult> DeclareAsync(string device, IReadOnlyList<string> tenants, string declaration, CancellationToken cancellationToken)
    {
        using var _ = Enter();
        await Task.Yield();
        if (Interlocked.Decrement(ref _unavailable) >= 0)
        {
            Interlocked.Increment(ref Refusals);
            return new DeviceWriteResult.Unavailable(TimeSpan.Zero, "503 busy (fake)");
        }
        Interlocked.Increment(ref Declarations);
        var body = JsonNode.Parse(declaration)!["declaration"]!.AsObject();
        var results = new Dictionary<string, TenantResult>(StringComparer.Ordinal);
        foreach (var tenant in tenants)
        {
            var next = body[tenant]!.DeepClone().AsObject();
            var same = _tenants.TryGetValue(tenant, out var before) && JsonNode.DeepEquals(before, next);
            _tenants[tenant] = next;
            results[tenant] = new TenantResult(same ? WriteOutcome.Unchanged : WriteOutcome.Applied, same ? "no change" : "success");
        }
        return new DeviceWriteResult.Completed(results);
    }

    public async Task<DeviceWriteResult> PatchAddressListAsync(string device, string path, IReadOnlyList<string> addresses, CancellationToken cancellationToken)
    {
        using var _ = Enter();
        await Task.Yield();
        if (Interlocked.Decrement(ref _unavailable) >= 0)
        {
            Interlocked.Increment(ref Refusals);
            return new DeviceWriteResult.Unavailable(TimeSpan.Zero, "503 busy (fake)");
        }
        Interlocked.Increment(ref Patches);
        var parts = path.Split('/');
        if (!_tenants.TryGetValue(parts[1], out var tenant) || tenant["Shared"]?[parts[3]] is not JsonObject list)
        {
            return DeviceWriteResult.AllTenants([parts[1]], WriteOutcome.Rejected, $"404 {path} not found");
        }
        // iControl entries carry the route domain; the declaration that made the list did not.
        list["addresses"] = new JsonArray([.. addresses.Select(a => (JsonNode)JsonValue.Create(a.Split('%')[0] + (a.Contains('/') ? a[a.IndexOf('/')..] : ""))!)]);
        return DeviceWriteResult.AllTenants([parts[1]], WriteOutcome.Applied, "patched");
    }

    public Task<BindingResult> EnsureBindingAsync(string device, ContextBinding binding, CancellationToken cancellationToken) =>
        Task.FromResult(new BindingResult(ContextBindingAction.AlreadyBound, binding.PolicyPath));

    /// <summary>Bindings released, in order, each with the number of declarations made before it.</summary>
    public ConcurrentQueue<(ContextBinding Binding, int DeclarationsBefore)> Releases { get; } = new();

    public Task<BindingResult> ReleaseBindingAsync(string device, ContextBinding binding, CancellationToken cancellationToken)
    {
        Releases.Enqueue((binding, Declarations));
        return Task.FromResult(new BindingResult(ContextBindingAction.Bind, null));
    }

    public Task<DeviceWriteResult> SaveConfigAsync(string device, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Saves);
        return Task.FromResult(DeviceWriteResult.AllTenants([], WriteOutcome.Applied, "saved"));
    }

    private Leave Enter()
    {
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref MaxConcurrent)) && Interlocked.CompareExchange(ref MaxConcurrent, now, seen) != seen)
        {
        }
        return new Leave(this);
    }

    private readonly struct Leave(FakeDevice device) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref device._inFlight);
    }
}
