using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ces.Silo.Hosting;
using Ces.Silo.Tests.Hosting;

namespace Ces.Silo.Tests.Explain;

/// <summary><c>POST /api/v1/explain</c> and the <c>/ui/explain</c> page on a running CES, the page driven by headless Chromium.</summary>
public sealed class ExplainPageTests : IAsyncDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly string _dir = Directory.CreateTempSubdirectory("ces-explain-").FullName;
    private readonly HttpClient _http = new();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Task.Yield();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task The_api_explains_against_the_running_state_and_finds_the_device_in_sync()
    {
        await using var ces = await StartConvergedAsync();

        using var response = await _http.PostAsJsonAsync(new Uri(ces.Address, "/api/v1/explain"),
            new { from = "default/mysql-0", to = "211.6.6.7:3306/tcp" }, TestContext.Current.CancellationToken);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("allow", answer["verdict"]!.GetValue<string>());
        Assert.Equal("rule4", answer["decision"]!["rule"]!["name"]!.GetValue<string>());
        Assert.True(answer["drift"]!["status"]!.GetValue<string>() == "in-sync", answer["drift"]!.ToJsonString());
        Assert.Equal("allow", answer["drift"]!["deviceVerdict"]!.GetValue<string>());

        using var bad = await _http.PostAsJsonAsync(new Uri(ces.Address, "/api/v1/explain"), new { from = "default/nope", to = "1.2.3.4:80/tcp" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task The_page_shows_the_verdict_and_chain_in_headless_Chromium()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium (apt-get install -y chromium); .ci/run does this");
        await using var ces = await StartConvergedAsync();
        var url = new Uri(ces.Address, "/ui/explain?pod=default%2Fmysql-0&to=211.6.6.7%3A3306%2Ftcp").ToString();

        var dom = await RunChromiumAsync("--dump-dom", url);
        Assert.Contains("data-verdict=\"allow\"", dom, StringComparison.Ordinal);
        Assert.Contains("ALLOW", dom, StringComparison.Ordinal);
        Assert.Contains("k8s_svc_default_rule4_ext_exsvc4_rule_list", dom, StringComparison.Ordinal);

        var screenshot = Path.Combine(AppContext.BaseDirectory, "TestResults", "explain-page.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        File.Delete(screenshot);
        await RunChromiumAsync($"--screenshot={screenshot}", url);
        Assert.True(File.Exists(screenshot) && new FileInfo(screenshot).Length > 10_000, $"no screenshot at {screenshot}");
    }

    private async Task<string> RunChromiumAsync(string mode, string url)
    {
        var profile = Directory.CreateTempSubdirectory("ces-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(Chromium)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                ArgumentList =
                {
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}", "--window-size=1200,900",
                    "--virtual-time-budget=10000", mode, url,
                },
            };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(90));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium {mode} did not finish; stderr: {await stderr}");
            }
            Assert.True(process.ExitCode == 0, $"chromium {mode} exited {process.ExitCode}: {await stderr}");
            return await stdout;
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }

    private async Task<RunningCes> StartConvergedAsync()
    {
        var ces = await TestCes.StartAsync(_dir);
        await Eventually.Holds(
            () => _http.GetStringAsync(new Uri(ces.Address, "/api/v1/rules"), TestContext.Current.CancellationToken),
            rules => rules.Contains("\"phase\":\"Success\"", StringComparison.Ordinal) && !rules.Contains("Syncing", StringComparison.Ordinal)
                && rules.Contains("rule4", StringComparison.Ordinal),
            "every example rule Success",
            TimeSpan.FromSeconds(45));
        return ces;
    }
}
