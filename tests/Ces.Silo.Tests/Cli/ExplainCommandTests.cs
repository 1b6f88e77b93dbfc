using System.Text.Json.Nodes;
using Ces.Silo.Cli;

namespace Ces.Silo.Tests.Cli;

/// <summary><c>ces explain</c> offline: text and JSON answers, exit codes for answered and unanswerable questions.</summary>
public sealed class ExplainCommandTests
{
    private static string Examples(string path)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ces.sln")))
        {
            dir = dir.Parent;
        }
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Ces.sln not found"), "examples", path);
    }

    private static async Task<(int Code, string Out, string Err)> RunAsync(string from, string to, bool json = false, string? config = null)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = await ExplainCommand.RunAsync(new ExplainArguments(from, to, config ?? Examples("ces-conf.yaml"), Examples("manifests"), null, json),
            stdout, stderr, TestContext.Current.CancellationToken);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Text_answer_names_the_deciding_rule_and_the_chain()
    {
        var (code, stdout, stderr) = await RunAsync("default/mysql-0", "211.6.6.7:3306/tcp");

        Assert.True(code == 0, stderr);
        Assert.StartsWith("ALLOW  default/mysql-0 (10.16.0.5) → 211.6.6.7:3306/tcp", stdout, StringComparison.Ordinal);
        Assert.Contains("ServiceEgressRule default/rule4, ExternalService default/exsvc4, port group tcp", stdout, StringComparison.Ordinal);
        Assert.Contains("rule list /Common/Shared/k8s_svc_default_rule4_ext_exsvc4_rule_list", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_answer_is_one_object_with_the_verdict_and_exit_code_0_even_when_denied()
    {
        var (code, stdout, _) = await RunAsync("project3/web-0", "100.100.2.2:22/tcp", json: true);

        Assert.Equal(0, code);
        var answer = JsonNode.Parse(stdout)!;
        Assert.Equal("deny", answer["verdict"]!.GetValue<string>());
        Assert.Equal("NamespaceEgressRule", answer["decision"]!["rule"]!["kind"]!.GetValue<string>());
        Assert.Equal("route-domain", answer["decision"]!["context"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("project3/missing", "1.2.3.4:80/tcp", 1, "not in the manifests")]
    [InlineData("project3/web-0", "1.2.3.4:80/nope", 1, "not an IP protocol")]
    public async Task Unanswerable_questions_exit_non_zero_with_a_message(string from, string to, int expected, string message)
    {
        var (code, _, stderr) = await RunAsync(from, to);

        Assert.Equal(expected, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_config_exits_2()
    {
        var config = Path.GetTempFileName();
        await File.WriteAllTextAsync(config, "clusterName: [", TestContext.Current.CancellationToken);
        try
        {
            var (code, _, stderr) = await RunAsync("project3/web-0", "1.2.3.4:80/tcp", config: config);

            Assert.Equal(2, code);
            Assert.Contains("invalid", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(config);
        }
    }
}
