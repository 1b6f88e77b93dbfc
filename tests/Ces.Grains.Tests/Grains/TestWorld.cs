using System.Collections.Concurrent;
using Ces.Abstractions.Api;
using Ces.Abstractions.Config;
using Ces.Grains.Compiler;
using Ces.Grains.Hosting;

namespace Ces.Grains.Tests.Grains;

/// <summary>What one test's silos share with the test: its config, its device and the statuses written.</summary>
/// <remarks>Silos are built from configurator types, so they find their world by the id in their configuration.</remarks>
internal sealed class TestWorld : ICesConfigSource, IRuleStatusSink
{
    private static readonly ConcurrentDictionary<string, TestWorld> Worlds = new();

    public TestWorld(CesConfig config)
    {
        Current = new CompilerSettings(config);
        Worlds[Id] = this;
    }

    public string Id { get; } = Guid.NewGuid().ToString("N");

    public CompilerSettings Current { get; set; }

    public FakeDevice Device { get; } = new();

    public ConcurrentDictionary<ObjectRef, EgressRuleStatus?> Statuses { get; } = new();

    public static TestWorld Get(string id) => Worlds[id];

    public Task WriteAsync(ObjectRef rule, EgressRuleStatus? status, CancellationToken cancellationToken)
    {
        Statuses[rule] = status;
        return Task.CompletedTask;
    }
}
