using System.Text.Json.Nodes;
using Ces.BigIp.Simulator.Hosting;
using Ces.BigIp.Simulator.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static Ces.BigIp.Simulator.Tests.Infrastructure.TestDeclarations;

namespace Ces.BigIp.Simulator.Tests.As3;

/// The device lock, burst queue, async tasks and auto-async, driven by a fake clock so a declaration runs until the test lets it finish.
public sealed class As3ConcurrencyTests
{
    private const string Tasks = "/mgmt/shared/appsvcs/task";

    [Fact]
    public async Task Second_declaration_while_one_runs_gets_503_with_AS3_message()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sim = await StartAsync(clock);
        using var client = TestSimulator.Client(sim);

        var first = await client.PostAsync($"{Declare}?async=true", Adc(("T1", Tenant())));
        var second = await client.PostAsync(Declare, Adc(("T2", Tenant())));
        var running = await client.GetJsonAsync($"{Tasks}/{first.Body!["id"]}");
        var done = await FinishAsync(client, clock, (string)first.Body["id"]!);

        Assert.Equal(202, first.Code);
        Assert.Equal("Declaration successfully submitted", (string?)first.Body["results"]![0]!["message"]);
        Assert.Equal(503, second.Code);
        Assert.Equal("Error: Configuration operation in progress on device localhost, please try again in 2 minutes", (string?)second.Body!["message"]);
        Assert.Equal("in progress", (string?)running.Body!["results"]![0]!["message"]);
        Assert.Equal("success", (string?)done["results"]![0]!["message"]);
        Assert.Equal(1, sim.Stats.Snapshot().MaxConcurrentDeclarations);
        Assert.Equal(1, sim.Stats.Snapshot().Busy503);
    }

    [Fact]
    public async Task Burst_queue_holds_ten_declarations_behind_the_running_one_and_refuses_more()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sim = await StartAsync(clock);
        using var client = TestSimulator.Client(sim);
        var settings = await client.PostAsync("/mgmt/shared/appsvcs/settings", new JsonObject { ["burstHandlingEnabled"] = true });

        var accepted = new List<string>();
        for (var i = 0; i <= 10; i++)
        {
            var reply = await client.PostAsync($"{Declare}?async=true", Adc(($"T{i:D2}", Tenant($"10.0.0.{i + 1}"))));
            Assert.Equal(202, reply.Code);
            accepted.Add((string)reply.Body!["id"]!);
        }
        var overflow = await client.PostAsync($"{Declare}?async=true", Adc(("T99", Tenant())));
        foreach (var id in accepted)
            await FinishAsync(client, clock, id);

        Assert.True((bool)settings.Body!["burstHandlingEnabled"]!);
        Assert.Equal(503, overflow.Code);
        Assert.Equal("Too many configuration operations are in progress on the device. Please try again later", (string?)overflow.Body!["message"]);
        Assert.Equal(11, sim.State.TenantNames.Count);
        Assert.Equal(1, sim.Stats.Snapshot().MaxConcurrentDeclarations);
    }

    [Fact]
    public async Task Synchronous_declaration_slower_than_the_auto_async_threshold_answers_202_and_completes_as_a_task()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sim = await StartAsync(clock, o =>
        {
            o.AutoAsyncThreshold = TimeSpan.FromSeconds(45);
            o.DeclarationBaseCost = TimeSpan.FromSeconds(100);
        });
        using var client = TestSimulator.Client(sim);

        var post = client.PostAsync(Declare, Adc(("T1", Tenant())));
        var reply = await Eventually.Holds(async () =>
        {
            clock.Advance(TimeSpan.FromSeconds(5));
            return post.IsCompleted ? await post : null;
        }, r => r is not null, "auto-async 202");
        var done = await FinishAsync(client, clock, (string)reply!.Body!["id"]!);

        Assert.Equal(202, reply.Code);
        Assert.Equal("success", (string?)done["results"]![0]!["message"]);
        Assert.Equal(["T1"], sim.State.TenantNames);
    }

    [Fact]
    public async Task Unknown_task_answers_404_and_task_list_holds_finished_tasks()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = TestSimulator.Client(sim);
        var submitted = await client.PostAsync($"{Declare}?async=true", Adc(("T1", Tenant())));

        var unknown = await client.GetJsonAsync($"{Tasks}/00000000-0000-0000-0000-000000000000");
        var done = await Eventually.Holds(() => client.GetJsonAsync($"{Tasks}/{submitted.Body!["id"]}"),
            r => (string?)r.Body!["results"]![0]!["message"] != "in progress", "task finished");
        var list = await client.GetJsonAsync(Tasks);

        Assert.Equal(404, unknown.Code);
        Assert.Equal("No record found with ID of 00000000-0000-0000-0000-000000000000", (string?)unknown.Body!["message"]);
        Assert.Equal("success", (string?)done.Body!["results"]![0]!["message"]);
        Assert.Single(list.Body!["items"]!.AsArray());
    }

    [Fact]
    public async Task Invalid_async_value_answers_400()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = TestSimulator.Client(sim);

        var reply = await client.PostAsync($"{Declare}?async=yes", Adc(("T1", Tenant())));

        Assert.Equal(400, reply.Code);
    }

    private static Task<BigIpSimulator> StartAsync(FakeTimeProvider clock, Action<SimulatorOptions>? configure = null) =>
        TestSimulator.StartAsync(o =>
        {
            o.TimeProvider = clock;
            o.Speed = 1;
            configure?.Invoke(o);
        });

    /// <summary>Moves the fake clock until the task has its final results.</summary>
    private static async Task<JsonNode> FinishAsync(HttpClient client, FakeTimeProvider clock, string id)
    {
        var reply = await Eventually.Holds(async () =>
        {
            clock.Advance(TimeSpan.FromSeconds(10));
            return await client.GetJsonAsync($"{Tasks}/{id}");
        }, r => (string?)r.Body!["results"]![0]!["message"] != "in progress", $"task {id} finished");
        return reply.Body!;
    }
}
