using Ces.Abstractions.Api;
using Ces.Abstractions.Diagnostics;
using Ces.Silo.Manifests;

namespace Ces.Silo.Tests.Manifests;

public sealed class ManifestReaderTests
{
    private const string File = "m.yaml";

    private static ManifestReadResult Read(string yaml) => ManifestReader.Read(yaml, File);

    private static Diagnostic SingleError(ManifestReadResult result) => Assert.Single(result.Errors);

    [Fact]
    public void Examples_of_all_three_scopes_are_read_into_the_snapshot()
    {
        var result = Read("""
            apiVersion: kubeovn.io/v1alpha1
            kind: ExternalService
            metadata: {name: exsvc1, namespace: kube-system}
            spec:
              addresses: ["22.6.6.5", "10.0.0.0/8", "www.example.com"]
              ports:
                - {name: dns-udp, protocol: UDP, port: "53"}
                - {name: dns-tcp, protocol: TCP, port: "53,8080-8090"}
            ---
            apiVersion: kubeovn.io/v1alpha1
            kind: ClusterEgressRule
            metadata: {name: rule1}
            spec: {action: accept-decisively, logging: true, externalServices: [exsvc1]}
            ---
            apiVersion: kubeovn.io/v1alpha1
            kind: NamespaceEgressRule
            metadata: {name: rule3, namespace: project3}
            spec: {action: drop, externalServices: [a, b]}
            ---
            apiVersion: kubeovn.io/v1alpha1
            kind: ServiceEgressRule
            metadata: {name: rule4, namespace: default}
            spec: {action: accept, service: mysql-service, externalServices: [exsvc4]}
            """);

        Assert.Empty(result.Diagnostics);
        var service = Assert.Single(result.Snapshot.ExternalServices);
        Assert.Equal(new ExternalServicePort("dns-tcp", "TCP", "53,8080-8090", null), service.Spec.Ports[1]);
        Assert.Equal(["22.6.6.5", "10.0.0.0/8", "www.example.com"], service.Spec.Addresses);
        Assert.Collection(result.Snapshot.Rules,
            rule => Assert.Equal(new ClusterEgressRule(new ObjectMeta("rule1"), new EgressRuleSpec("accept-decisively", true, new[] { "exsvc1" })), rule),
            rule => Assert.Equal(new ObjectRef("NamespaceEgressRule", "project3", "rule3"), rule.Ref),
            rule => Assert.Equal("mysql-service", Assert.IsType<ServiceEgressRule>(rule).Spec.Service));
        Assert.Equal(new SourceLocation(File, 10), result.LocationOf(new ObjectRef("ClusterEgressRule", "", "rule1")));
    }

    [Fact]
    public void Unknown_key_in_ExternalService_spec_is_an_error_with_line()
    {
        var result = Read("""
            apiVersion: kubeovn.io/v1alpha1
            kind: ExternalService
            metadata: {name: exsvc1, namespace: kube-system}
            spec:
              addresses: ["1.2.3.4"]
              ports:
                - {name: a, protocol: tcp, port: "80"}
                - name: b
                  protcol: udp
            """);

        var error = SingleError(result);
        Assert.Equal(("ExternalService kube-system/exsvc1", "spec.ports[1].protcol", 9), (error.Subject, error.Field, error.Location!.Line));
        Assert.Empty(result.Snapshot.ExternalServices);
    }

    [Fact]
    public void Wrong_type_is_an_error_naming_the_field_path()
    {
        var result = Read("""
            apiVersion: kubeovn.io/v1alpha1
            kind: ExternalService
            metadata: {name: e}
            spec:
              addresses: [1.2.3.4]
              ports:
                - {name: a, protocol: tcp, port: "80"}
                - {name: b, protocol: [udp], port: "81"}
            """);

        var error = SingleError(result);
        Assert.Equal(("spec.ports[1].protocol", 8), (error.Field, error.Location!.Line));
        Assert.Contains("expected a string, got a list", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Integer_port_is_taken_as_its_string()
    {
        var result = Read("apiVersion: kubeovn.io/v1alpha1\nkind: ExternalService\nmetadata: {name: e}\nspec: {addresses: [1.2.3.4], ports: [{protocol: udp, port: 53}]}\n");

        Assert.Empty(result.Diagnostics);
        Assert.Equal("53", Assert.Single(result.Snapshot.ExternalServices).Spec.Ports[0].Port);
    }

    [Theory]
    [InlineData("port: \"80-\"", "spec.ports[0].port")]
    [InlineData("port: true", "spec.ports[0].port")]
    public void Port_that_breaks_the_CRD_pattern_is_an_error(string port, string field)
    {
        var result = Read($"apiVersion: kubeovn.io/v1alpha1\nkind: ExternalService\nmetadata: {{name: e}}\nspec:\n  addresses: [1.2.3.4]\n  ports:\n    - {{{port}}}\n");

        Assert.Equal((field, 7), (SingleError(result).Field, SingleError(result).Location!.Line));
    }

    [Theory]
    [InlineData("kind: ExternalService\nmetadata: {name: e}\nspec: {ports: []}", "spec.addresses")]
    [InlineData("kind: ExternalService\nmetadata: {name: e}", "spec")]
    [InlineData("kind: ExternalService\nmetadata: {namespace: x}\nspec: {addresses: []}", "metadata.name")]
    [InlineData("kind: NamespaceEgressRule\nmetadata: {name: r}\nspec: {externalServices: [a]}", "spec.action")]
    [InlineData("kind: NamespaceEgressRule\nmetadata: {name: r}\nspec: {action: accept}", "spec.externalServices")]
    [InlineData("kind: ServiceEgressRule\nmetadata: {name: r}\nspec: {action: accept, externalServices: [a]}", "spec.service")]
    public void Missing_required_field_is_an_error(string body, string field)
    {
        var error = SingleError(Read("apiVersion: kubeovn.io/v1alpha1\n" + body + "\n"));

        Assert.Equal(field, error.Field);
        Assert.Contains("is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Service_on_a_namespace_rule_is_an_unknown_key()
    {
        var error = SingleError(Read("apiVersion: kubeovn.io/v1alpha1\nkind: NamespaceEgressRule\nmetadata: {name: r, namespace: p}\nspec:\n  action: drop\n  externalServices: [a]\n  service: mysql\n"));

        Assert.Equal(("NamespaceEgressRule p/r", "spec.service", 7), (error.Subject, error.Field, error.Location!.Line));
        Assert.Contains("only ServiceEgressRule", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Action_outside_the_CRD_enum_is_an_error()
    {
        var error = SingleError(Read("apiVersion: kubeovn.io/v1alpha1\nkind: ClusterEgressRule\nmetadata: {name: r}\nspec:\n  action: allow\n  externalServices: [a]\n"));

        Assert.Equal(("ClusterEgressRule r", "spec.action", 5), (error.Subject, error.Field, error.Location!.Line));
    }

    [Fact]
    public void Logging_that_is_not_a_boolean_is_an_error()
    {
        var error = SingleError(Read("apiVersion: kubeovn.io/v1alpha1\nkind: ClusterEgressRule\nmetadata: {name: r}\nspec:\n  action: drop\n  logging: \"yes\"\n  externalServices: [a]\n"));

        Assert.Equal(("spec.logging", 6), (error.Field, error.Location!.Line));
    }

    [Fact]
    public void Namespace_on_a_ClusterEgressRule_is_an_error()
    {
        var error = SingleError(Read("apiVersion: kubeovn.io/v1alpha1\nkind: ClusterEgressRule\nmetadata:\n  name: r\n  namespace: kube-system\nspec: {action: drop, externalServices: [a]}\n"));

        Assert.Equal(("ClusterEgressRule r", "metadata.namespace", 5), (error.Subject, error.Field, error.Location!.Line));
    }

    [Fact]
    public void Namespaced_kinds_without_a_namespace_get_the_default_namespace()
    {
        var result = ManifestReader.Read("apiVersion: kubeovn.io/v1alpha1\nkind: ExternalService\nmetadata: {name: e}\nspec: {addresses: [1.1.1.1]}\n", File, "team-a");

        Assert.Equal("team-a", Assert.Single(result.Snapshot.ExternalServices).Metadata.Namespace);
    }

    [Fact]
    public void Unknown_metadata_key_is_an_error_but_usual_keys_are_allowed()
    {
        var result = Read("""
            apiVersion: kubeovn.io/v1alpha1
            kind: ExternalService
            metadata:
              name: e
              uid: 0b1c
              resourceVersion: "42"
              generation: 3
              creationTimestamp: "2024-05-01T12:00:00Z"
              labels: {cpaas.io/ruleType: global}
              managedFields: [{manager: kubectl}]
              nmae: typo
            spec: {addresses: [1.1.1.1]}
            """);

        Assert.Equal(("metadata.nmae", 11), (SingleError(result).Field, SingleError(result).Location!.Line));
    }

    [Fact]
    public void Metadata_fields_are_read()
    {
        var result = Read("apiVersion: kubeovn.io/v1alpha1\nkind: ExternalService\nmetadata:\n  name: e\n  generation: 3\n  creationTimestamp: 2024-05-01T12:00:00Z\n  labels: {a: b}\nspec: {addresses: [1.1.1.1]}\n");

        var metadata = Assert.Single(result.Snapshot.ExternalServices).Metadata;
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero), metadata.CreationTimestamp);
        Assert.Equal((3L, "b"), (metadata.Generation, metadata.Labels["a"]));
    }

    [Fact]
    public void Bad_creationTimestamp_is_an_error()
    {
        var error = SingleError(Read("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  creationTimestamp: yesterday\n"));

        Assert.Equal(("Namespace a", "metadata.creationTimestamp", 5), (error.Subject, error.Field, error.Location!.Line));
    }

    [Fact]
    public void Status_is_allowed_on_rules_but_not_on_ExternalService()
    {
        var result = Read("""
            apiVersion: kubeovn.io/v1alpha1
            kind: ClusterEgressRule
            metadata: {name: r}
            spec: {action: drop, externalServices: [a]}
            status:
              phase: Success
              observedGeneration: 2
              conditions:
                - {type: Accepted, status: "True", reason: Valid, message: "", lastTransitionTime: "2024-05-01T12:00:00Z"}
            ---
            apiVersion: kubeovn.io/v1alpha1
            kind: ExternalService
            metadata: {name: e}
            spec: {addresses: [1.1.1.1]}
            status: {}
            """);

        var status = Assert.Single(result.Snapshot.Rules).Status!;
        Assert.Equal(("Success", 2L, "Accepted"), (status.Phase, status.ObservedGeneration, status.Conditions[0].Type));
        Assert.Equal(("status", 15), (SingleError(result).Field, SingleError(result).Location!.Line));
    }

    [Fact]
    public void Rule_mode_is_read_and_only_enforce_or_staged_is_accepted()
    {
        var staged = Read("""
            apiVersion: kubeovn.io/v1alpha1
            kind: NamespaceEgressRule
            metadata: {name: trial, namespace: default}
            spec: {action: accept, mode: staged, externalServices: [a]}
            """);
        Assert.Empty(staged.Errors);
        Assert.True(Assert.Single(staged.Snapshot.Rules).Spec.IsStaged);

        var error = SingleError(Read("""
            apiVersion: kubeovn.io/v1alpha1
            kind: ClusterEgressRule
            metadata: {name: odd}
            spec: {action: accept, mode: audit, externalServices: [a]}
            """));
        Assert.Equal("spec.mode", error.Field);
        Assert.Contains("enforce, staged", error.Message, StringComparison.Ordinal);
    }
}
