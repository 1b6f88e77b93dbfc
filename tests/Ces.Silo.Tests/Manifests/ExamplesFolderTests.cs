using Ces.Abstractions.Api;
using Ces.Silo.Manifests;

namespace Ces.Silo.Tests.Manifests;

public sealed class ExamplesFolderTests
{
    private static string Examples()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Ces.sln")))
            directory = directory.Parent;
        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Ces.sln not found above the test output"), "examples");
    }

    [Fact]
    public void Bundled_examples_read_with_no_diagnostics()
    {
        var manifests = ManifestFolder.Read(Path.Combine(Examples(), "manifests"));
        var config = ConfigReader.Read(File.ReadAllText(Path.Combine(Examples(), "ces-conf.yaml")), "ces-conf.yaml");

        Assert.Empty(manifests.Diagnostics);
        Assert.Empty(config.Diagnostics);
        var snapshot = manifests.Snapshot;
        Assert.Equal([EgressScope.Cluster, EgressScope.Namespace, EgressScope.Service], snapshot.Rules.Select(r => r.Scope));
        Assert.Equal(4, snapshot.ExternalServices.Count);
        Assert.Equal((3, 4, 1), (snapshot.Namespaces.Count, snapshot.Pods.Count, snapshot.EndpointSlices.Count));
        Assert.Equal("mysql-service", snapshot.EndpointSlices[0].ServiceName);
        Assert.Equal(["default", "kube-system", "project3"], config.Config!.Common.Namespaces.Order(StringComparer.Ordinal));
    }
}
