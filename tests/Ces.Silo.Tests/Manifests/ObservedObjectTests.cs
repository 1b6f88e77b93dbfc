using Ces.Abstractions.Api;
using Ces.Silo.Manifests;

namespace Ces.Silo.Tests.Manifests;

public sealed class ObservedObjectTests
{
    private static ManifestReadResult Read(string yaml) => ManifestReader.Read(yaml, "o.yaml");

    [Fact]
    public void Namespace_annotations_are_read_and_unknown_fields_ignored()
    {
        var result = Read("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: project3\n  annotations: {ovn.kubernetes.io/cidr: 10.66.0.0/16}\n  somethingNew: 1\nspec: {finalizers: [kubernetes]}\nstatus: {phase: Active}\n");

        Assert.Empty(result.Diagnostics);
        Assert.Equal("10.66.0.0/16", Assert.Single(result.Snapshot.Namespaces).Metadata.Annotations[CesApi.OvnCidrAnnotation]);
    }

    [Fact]
    public void Pod_reads_hostNetwork_phase_and_every_pod_IP()
    {
        var result = Read("""
            apiVersion: v1
            kind: Pod
            metadata: {name: web-1, namespace: shop}
            spec: {hostNetwork: false, containers: [{name: web, image: nginx}]}
            status:
              phase: Running
              podIP: 10.16.0.5
              podIPs: [{ip: 10.16.0.5}, {ip: "fd00::5"}]
            """);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(new PodObject(new ObjectMeta("web-1", "shop"), "Running", false, new[] { "10.16.0.5", "fd00::5" }), Assert.Single(result.Snapshot.Pods));
    }

    [Fact]
    public void Pod_with_only_podIP_uses_it()
    {
        var result = Read("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nstatus: {phase: Pending, podIP: 10.0.0.9}\n");

        Assert.Equal(["10.0.0.9"], Assert.Single(result.Snapshot.Pods).PodIPs);
    }

    [Fact]
    public void Wrong_type_on_a_field_CES_reads_is_an_error_even_on_lenient_kinds()
    {
        var error = Assert.Single(Read("apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: n}\nspec:\n  hostNetwork: maybe\n").Errors);

        Assert.Equal(("Pod n/p", "spec.hostNetwork", 5), (error.Subject, error.Field, error.Location!.Line));
    }

    [Fact]
    public void EndpointSlice_takes_its_service_from_the_label()
    {
        var result = Read("""
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata:
              name: mysql-service-abcde
              namespace: default
              labels: {kubernetes.io/service-name: mysql-service}
            addressType: IPv4
            endpoints:
              - addresses: [10.16.0.5]
                conditions: {ready: true}
              - addresses: [10.16.0.6]
              - addresses: [10.16.0.7]
                conditions: {ready: false}
            ports: [{port: 3306, protocol: TCP}]
            """);

        var slice = Assert.Single(result.Snapshot.EndpointSlices);
        Assert.Equal("mysql-service", slice.ServiceName);
        Assert.Equal([true, true, false], slice.Endpoints.Select(e => e.IsReady));
    }

    [Fact]
    public void EndpointSlice_without_the_service_label_is_an_error()
    {
        var error = Assert.Single(Read("apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: s}\nendpoints: []\n").Errors);

        Assert.Equal(("EndpointSlice default/s", "metadata.labels", 3), (error.Subject, error.Field, error.Location!.Line));
    }

    [Fact]
    public void Core_Endpoints_become_a_slice_named_after_the_service()
    {
        var result = Read("""
            apiVersion: v1
            kind: Endpoints
            metadata: {name: mysql-service, namespace: default}
            subsets:
              - addresses: [{ip: 10.16.0.5}, {ip: 10.16.0.6}]
                notReadyAddresses: [{ip: 10.16.0.7}]
                ports: [{port: 3306}]
            """);

        var slice = Assert.Single(result.Snapshot.EndpointSlices);
        Assert.Equal("mysql-service", slice.ServiceName);
        Assert.Equal([("10.16.0.5", true), ("10.16.0.6", true), ("10.16.0.7", false)], slice.Endpoints.Select(e => (e.Addresses[0], e.IsReady)));
        Assert.NotNull(result.LocationOf(new ObjectRef("Endpoints", "default", "mysql-service")));
    }
}
