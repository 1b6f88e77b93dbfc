using Ces.Abstractions.Config;
using Ces.Abstractions.Diagnostics;
using Ces.Silo.Manifests;

namespace Ces.Silo.Tests.Manifests;

public sealed class ConfigReaderTests
{
    private const string File = "ces-conf.yaml";

    private const string Minimal = "clusterName: k8s\ntenant:\n  - name: Common\n";

    private static ConfigReadResult Read(string yaml) => ConfigReader.Read(yaml, File);

    private static Diagnostic SingleError(ConfigReadResult result) => Assert.Single(result.Errors);

    private static string Fixture(string name) => System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Manifests", "Fixtures", name));

    [Fact]
    public void Sample_config_with_two_tenants_and_remote_logging_is_read()
    {
        var result = ConfigReader.Read(Fixture("ces-conf.yaml"), File);

        Assert.Empty(result.Diagnostics);
        var config = result.Config!;
        Assert.Equal(("k8s", "k8s", true, "3.29.0"), (config.ClusterName, config.MasterCluster, config.IsSupportRouteDomain, config.SchemaVersion));
        Assert.Equal((NamespaceSourceMode.KubeOvnCidr, ClusterRuleSourceMode.Cluster), (config.NamespaceSource, config.ClusterRuleSource));
        Assert.Equal(["kube-system", "project3"], config.Common.Namespaces);
        var p2 = config.Tenants[1];
        Assert.Equal(["default", "project2"], p2.Namespaces);
        Assert.Equal(new RouteDomainConfig(2, "rd2", "p2"), p2.RouteDomain);
        Assert.Equal(new VirtualAddressConfig("0.0.0.0", "selective", false), p2.VirtualService.Address);
        Assert.Contains("profileProtocolInspection", p2.VirtualService.Template, StringComparison.Ordinal);
        Assert.True(config.LogPool.IsActive);
        Assert.Equal(4, config.LogPool.ServerAddresses.Count);
    }

    [Fact]
    public void Defaults_are_CES_defaults_with_masterCluster_following_clusterName()
    {
        var config = Read(Minimal).Config!;

        Assert.Equal(("k8s", false, CesConfig.DefaultSchemaVersion), (config.MasterCluster, config.IsSupportRouteDomain, config.SchemaVersion));
        Assert.Equal(new RouteDomainConfig(0, "0"), config.Common.RouteDomain);
        Assert.Equal(new VirtualAddressConfig(), config.Common.VirtualService.Address);
        Assert.Equal((NamespaceSourceMode.Pods, ClusterRuleSourceMode.Cluster, false), (config.NamespaceSource, config.ClusterRuleSource, config.LogPool.IsActive));
    }

    [Fact]
    public void Missing_clusterName_is_an_error()
    {
        var result = Read("tenant:\n  - name: Common\n");

        Assert.Null(result.Config);
        Assert.Equal((File, "clusterName", 1), (SingleError(result).Subject, SingleError(result).Field, SingleError(result).Location!.Line));
    }

    [Fact]
    public void Missing_Common_tenant_is_an_error()
    {
        var error = SingleError(Read("clusterName: k8s\ntenant:\n  - name: p2\n"));

        Assert.Equal(("tenant", 3), (error.Field, error.Location!.Line));
        Assert.Contains("'Common' is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Install_sh_virtual_address_keys_directly_under_virtualService_are_unknown_key_errors()
    {
        // CES 0.5 ignored these three keys silently, so install.sh users always got the defaults; CES says so.
        var result = ConfigReader.Read(Fixture("install-sh-ces-conf.yaml"), File);

        Assert.Null(result.Config);
        Assert.Equal(
            [("tenant[0].virtualService.virtualAddress", 15), ("tenant[0].virtualService.icmpEcho", 16), ("tenant[0].virtualService.arpEnabled", 17)],
            result.Errors.Select(e => (e.Field, e.Location!.Line)));
        Assert.All(result.Errors, e => Assert.Contains("move it under tenant[0].virtualService.virtualAddresses", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Install_sh_repeated_template_key_is_a_syntax_error_with_line()
    {
        var error = SingleError(Read(Minimal + "    virtualService:\n      template: \"\"\n      template: \"\"\n"));

        Assert.Equal((File, 6), (error.Subject, error.Location!.Line));
        Assert.Contains("Duplicate key", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("clusterNmae: x\n", "clusterNmae", 4)]
    [InlineData("tenant:\n  - name: Common\n    gwPool: {serverAddress: [1.1.1.1]}\n", "tenant[0].gwPool.serverAddress", 4)]
    [InlineData("logPool: {loggingEnable: true}\n", "logPool.loggingEnable", 4)]
    [InlineData("externalIPAddresses: [1.1.1.1]\n", "externalIPAddresses", 4)]
    public void Unknown_key_is_an_error_with_path_and_line(string extra, string field, int line)
    {
        var yaml = extra.StartsWith("tenant", StringComparison.Ordinal) ? "clusterName: k8s\n" + extra : Minimal + extra;

        var error = SingleError(Read(yaml));

        Assert.Equal((File, field, line), (error.Subject, error.Field, error.Location!.Line));
        Assert.StartsWith("unknown key", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("clusterName: 8s\ntenant: [{name: Common}]\n", "clusterName")]
    [InlineData("clusterName: k8s-\ntenant: [{name: Common}]\n", "clusterName")]
    [InlineData("clusterName: k8s\nmasterCluster: \"m k\"\ntenant: [{name: Common}]\n", "masterCluster")]
    [InlineData("clusterName: k8s\ntenant: [{name: Common}, {name: p/2}]\n", "tenant[1].name")]
    [InlineData("clusterName: k8s\ntenant: [{name: Common}, {name: Common}]\n", "tenant[1].name")]
    [InlineData("clusterName: k8s\ntenant: [{name: Common, routeDomain: {id: 70000}}]\n", "tenant[0].routeDomain.id")]
    [InlineData("clusterName: k8s\nisSupportRouteDomain: true\ntenant: [{name: Common}, {name: p2, routeDomain: {id: 2}}]\n", "tenant[1].routeDomain.name")]
    [InlineData("clusterName: k8s\ntenant: [{name: Common, virtualService: {virtualAddresses: {icmpEcho: on}}}]\n", "tenant[0].virtualService.virtualAddresses.icmpEcho")]
    [InlineData("clusterName: k8s\ntenant: [{name: Common, virtualService: {virtualAddresses: {virtualAddress: any}}}]\n", "tenant[0].virtualService.virtualAddresses.virtualAddress")]
    [InlineData("clusterName: k8s\ntenant: [{name: Common, virtualService: {virtualAddresses: {arpEnabled: \"no\"}}}]\n", "tenant[0].virtualService.virtualAddresses.arpEnabled")]
    [InlineData("clusterName: k8s\ntenant: [{name: Common, gwPool: {serverAddresses: [gw.local]}}]\n", "tenant[0].gwPool.serverAddresses[0]")]
    [InlineData("clusterName: k8s\nisSupportRouteDomain: yes\ntenant: [{name: Common}]\n", "isSupportRouteDomain")]
    [InlineData("clusterName: k8s\nschemaVersion: latest\ntenant: [{name: Common}]\n", "schemaVersion")]
    [InlineData("clusterName: k8s\nnamespaceSource: cidr\ntenant: [{name: Common}]\n", "namespaceSource")]
    [InlineData("clusterName: k8s\nclusterRuleSource: all\ntenant: [{name: Common}]\n", "clusterRuleSource")]
    [InlineData("clusterName: k8s\ntenant: [{name: Common}]\nlogPool: {serverAddresses: [\"10.1.1.1:99999\"]}\n", "logPool.serverAddresses[0]")]
    [InlineData("clusterName: k8s\ntenant: [{name: Common}]\nlogPool: {serverAddresses: [\"fd00::1:514:x\"]}\n", "logPool.serverAddresses[0]")]
    public void Bad_value_is_an_error_naming_the_key(string yaml, string field)
    {
        var result = Read(yaml);

        Assert.Null(result.Config);
        Assert.Equal(field, SingleError(result).Field);
    }

    [Fact]
    public void Namespace_mapped_to_two_tenants_is_an_error()
    {
        var error = SingleError(Read("clusterName: k8s\ntenant:\n  - name: Common\n    namespaces: a,b\n  - name: p2\n    namespaces: c, b\n"));

        Assert.Equal(("tenant[1].namespaces", 6), (error.Field, error.Location!.Line));
        Assert.Contains("'b' is already mapped to tenant 'Common'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("virtualService:\n      template: \"{not json\"", "tenant[0].virtualService.template", 5)]
    [InlineData("virtualService:\n      template: \"[1, 2]\"", "tenant[0].virtualService.template", 5)]
    public void Template_that_is_not_a_JSON_object_is_an_error_at_the_key_line(string tenantExtra, string field, int line)
    {
        var error = SingleError(Read(Minimal + "    " + tenantExtra + "\n"));

        Assert.Equal((field, line), (error.Field, error.Location!.Line));
    }

    [Fact]
    public void Bad_logPool_template_is_an_error_at_the_key_line()
    {
        var error = SingleError(Read(Minimal + "logPool:\n  loggingEnabled: true\n  template: |\n    {\"a\": }\n"));

        Assert.Equal(("logPool.template", 6), (error.Field, error.Location!.Line));
    }

    [Fact]
    public void Common_route_domain_is_forced_to_zero_with_a_warning()
    {
        var result = Read("clusterName: k8s\ntenant:\n  - name: Common\n    routeDomain: {id: 5, name: rd5}\n");

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Warning, "tenant[0].routeDomain", 4), (warning.Severity, warning.Field, warning.Location!.Line));
        Assert.Equal(new RouteDomainConfig(0, "0"), result.Config!.Common.RouteDomain);
    }

    [Fact]
    public void Legacy_virtualAddresses_template_and_cniType_are_accepted_with_warnings()
    {
        var result = Read(Minimal + "    virtualService:\n      virtualAddresses:\n        template: \"{}\"\ncniType: calico\n");

        Assert.NotNull(result.Config);
        Assert.Equal(
            [("tenant[0].virtualService.virtualAddresses.template", 6), ("cniType", 7)],
            result.Diagnostics.Select(d => (d.Field, d.Location!.Line)));
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    [Fact]
    public void Empty_file_is_an_error()
    {
        var result = Read("# nothing here\n");

        Assert.Equal(("clusterName", 1), (SingleError(result).Field, SingleError(result).Location!.Line));
    }
}
