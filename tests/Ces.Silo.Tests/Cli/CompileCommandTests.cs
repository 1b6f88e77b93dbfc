using System.Text.Json.Nodes;
using Ces.Silo.Cli;

namespace Ces.Silo.Tests.Cli;

/// <summary><c>ces compile</c> end to end: files in, AS3 requests and diagnostics out, exit codes.</summary>
public sealed class CompileCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ces-compile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Examples(string path) => Path.Combine(RepositoryRoot(), "examples", path);

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ces.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Ces.sln not found above " + AppContext.BaseDirectory);
    }

    private (int Code, string Out, string Err) Run(string config, string manifests, string? output = null)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CompileCommand.Run(config, manifests, output, "kube-system", stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Bundled_examples_compile_to_one_rule_of_each_scope_with_CES_names()
    {
        var (code, stdout, stderr) = Run(Examples("ces-conf.yaml"), Examples("manifests"));

        Assert.True(code == 0, stderr);
        var shared = JsonNode.Parse(stdout)!["declaration"]!["Common"]!["Shared"]!.AsObject();
        Assert.NotNull(shared["k8s_global_rule1_ext_exsvc1_rule_list"]);
        Assert.NotNull(shared["k8s_ns_project3_rule3_ext_a_rule_list"]);
        Assert.NotNull(shared["k8s_svc_default_rule4_ext_exsvc4_rule_list"]);
        Assert.NotNull(shared["k8s_svc_default_rule4_ep_mysql-service_src_address"]);
        Assert.Contains("Compiled tenant Common: 3 rule(s)", stderr);
    }

    [Fact]
    public void Out_directory_gets_one_complete_request_per_tenant()
    {
        var config = Write("ces-conf.yaml", """
            clusterName: k8s
            isSupportRouteDomain: true
            schemaVersion: "3.56.0"
            iRule: [bwc-1mbps-irule]
            tenant:
              - name: Common
                namespaces: ""
                gwPool: { serverAddresses: [192.168.10.1] }
              - name: p2
                namespaces: default
                routeDomain: { id: 2, name: rd2 }
                gwPool: { serverAddresses: [1.16.10.22] }
            """);
        var (code, _, stderr) = Run(config, Examples("manifests"), Path.Combine(_dir, "out"));

        Assert.True(code == 0, stderr);
        Assert.Equal(["Common.json", "p2.json"], Directory.GetFiles(Path.Combine(_dir, "out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var p2 = JsonNode.Parse(File.ReadAllText(Path.Combine(_dir, "out", "p2.json")))!;
        Assert.Equal("AS3", p2["class"]!.GetValue<string>());
        Assert.Equal(2, p2["declaration"]!["p2"]!["defaultRouteDomain"]!.GetValue<int>());
        Assert.NotNull(p2["declaration"]!["p2"]!["Shared"]!["k8s_svc_default_rule4_ext_exsvc4_rule_list"]);
    }

    [Fact]
    public void Invalid_objects_are_listed_with_file_and_line_and_the_rest_still_compiles()
    {
        var manifests = Write("m/rules.yaml", """
            apiVersion: kubeovn.io/v1alpha1
            kind: ExternalService
            metadata: { name: good, namespace: kube-system }
            spec: { addresses: ["1.1.1.1"], ports: [{ name: dns, protocol: udp, port: "53" }] }
            ---
            apiVersion: kubeovn.io/v1alpha1
            kind: ExternalService
            metadata: { name: bad, namespace: kube-system }
            spec:
              addresses: ["not an address!"]
            ---
            apiVersion: kubeovn.io/v1alpha1
            kind: ClusterEgressRule
            metadata: { name: r }
            spec: { action: accept-decisively, externalServices: [good, bad] }
            ---
            apiVersion: v1
            kind: Pod
            metadata: { name: p, namespace: default }
            status: { podIP: 10.0.0.1 }
            """);
        var (code, stdout, stderr) = Run(Examples("ces-conf.yaml"), manifests);

        Assert.Equal(CompileCommand.InvalidInput, code);
        Assert.Contains("rules.yaml:6: error: ExternalService kube-system/bad spec.addresses[0]: 'not an address!' is not an IP address", stderr);
        Assert.Contains("warning: ClusterEgressRule r spec.externalServices[1]: ExternalService kube-system/bad is invalid", stderr);
        Assert.NotNull(JsonNode.Parse(stdout)!["declaration"]!["Common"]!["Shared"]!["k8s_global_r_ext_good_rule_list"]);
    }

    [Fact]
    public void Invalid_config_compiles_nothing_and_exits_2()
    {
        var config = Write("bad-conf.yaml", "clusterName: k8s\nschemaVersoin: \"3.29.0\"\ntenant:\n  - name: Common\n");
        var (code, stdout, stderr) = Run(config, Examples("manifests"));

        Assert.Equal(CompileCommand.InvalidConfig, code);
        Assert.Empty(stdout);
        Assert.Contains("bad-conf.yaml:2", stderr);
        Assert.Contains("schemaVersoin", stderr);
    }

    [Fact]
    public void Output_is_byte_identical_across_runs()
    {
        var first = Run(Examples("ces-conf.yaml"), Examples("manifests")).Out;
        var second = Run(Examples("ces-conf.yaml"), Examples("manifests")).Out;
        Assert.Equal(first, second);
    }
}
