using System.Text.Json.Nodes;
using Ces.Silo.Hosting;

namespace Ces.Silo.Tests.Hosting;

/// <summary><c>ces run</c> end to end: the bundled examples converge on the built-in simulator; health, metrics, dashboard answer.</summary>
public sealed class RunTests : IAsyncDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ces-run-").FullName;
    private readonly HttpClient _http = new();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Task.Yield();
        Directory.Delete(_dir, recursive: true);
    }

    private Task<RunningCes> StartAsync() => TestCes.StartAsync(_dir);

    private Task<string> GetAsync(RunningCes ces, string path) => _http.GetStringAsync(new Uri(ces.Address, path), TestContext.Current.CancellationToken);

    [Fact]
    public async Task Bundled_examples_converge_on_the_built_in_simulator_and_the_endpoints_answer()
    {
        await using var ces = await StartAsync();
        var simulator = ces.Simulator!;

        var common = await Eventually.Holds(
            () => Task.FromResult(simulator.State.Tenant("Common")?.DeclarationJson ?? ""),
            json => json.Contains("k8s_global_rule1_ext_exsvc1_rule_list") && json.Contains("k8s_ns_project3_rule3_ext_b_rule_list")
                && json.Contains("k8s_svc_default_rule4_ext_exsvc4_rule_list"),
            "the examples' three rules on the device");
        Assert.Contains("k8s_svc_default_rule4_ep_mysql-service_src_address", common);

        var rules = JsonNode.Parse(await Eventually.Holds(() => GetAsync(ces, "/api/v1/rules"),
            body => JsonNode.Parse(body)!.AsArray().Count == 3 && JsonNode.Parse(body)!.AsArray().All(r => r!["status"]!["phase"]!.GetValue<string>() == "Success"),
            "three rules with Success status"))!.AsArray();
        Assert.All(rules, r => Assert.Equal("bigip", r!["status"]!["device"]!.GetValue<string>()));

        Assert.Equal("ok", await GetAsync(ces, "/healthz"));
        Assert.Equal("ready", await GetAsync(ces, "/readyz"));
        var metrics = await Eventually.Holds(() => GetAsync(ces, "/metrics"), m => m.Contains("ces_convergence_duration"), "convergence histogram exported");
        Assert.Contains("ces_device_writes", metrics);
        Assert.Contains("orleans_", metrics);
        Assert.Contains("<title>Orleans Dashboard</title>", await GetAsync(ces, "/dashboard/"));
    }

    [Fact]
    public async Task Deleting_a_manifest_revokes_its_rule_on_the_device()
    {
        await using var ces = await StartAsync();
        var simulator = ces.Simulator!;
        await Eventually.Holds(() => Task.FromResult(simulator.State.Tenant("Common")?.DeclarationJson ?? ""),
            json => json.Contains("k8s_global_rule1_ext_exsvc1_rule_list"), "cluster rule on the device");

        File.Delete(Path.Combine(_dir, "manifests", "30-cluster-rule.yaml"));

        var common = await Eventually.Holds(() => Task.FromResult(simulator.State.Tenant("Common")?.DeclarationJson ?? ""),
            json => !json.Contains("k8s_global_rule1") && json.Contains("k8s_ns_project3_rule3_ext_b_rule_list"), "cluster rule revoked, others kept");
        Assert.Contains("k8s_svc_default_rule4_ext_exsvc4_rule_list", common);
    }
}
