namespace Ces.Silo.Hosting;

/// <summary>What <c>ces run</c> was asked for: where policy comes from, which device, and where to listen.</summary>
public sealed record CesRunOptions
{
    /// <value>ces-conf.yaml. Default: the bundled <c>examples/ces-conf.yaml</c>.</value>
    public required string ConfigFile { get; init; }

    /// <value>The folder of YAML manifests the file source watches. Default: the bundled <c>examples/manifests</c>.</value>
    public required string Manifests { get; init; }

    /// <value>HTTP port for health, metrics, dashboard and API on 127.0.0.1 (0 picks one). Default: 8080.</value>
    public int HttpPort { get; init; } = 8080;

    /// <value>Orleans silo port (localhost clustering). Default: 11111.</value>
    public int SiloPort { get; init; } = 11111;

    /// <value>Orleans gateway port. Default: 30000.</value>
    public int GatewayPort { get; init; } = 30000;

    /// <value>A real BIG-IP (host[:port] or URL); none starts the built-in simulator in-process.</value>
    public string? DeviceUrl { get; init; }

    /// <value>Speed of the built-in simulator's latency model (1 = a real device's seconds). Default: 1.</value>
    public double SimulatorSpeed { get; init; } = 1.0;

    /// <value>How often the file source re-reads the folder even without a change notice. Default: 5 s.</value>
    public TimeSpan RescanInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <value>How often every key is re-sent, repairing drift and refilling grains lost with a silo. Default: 60 s.</value>
    public TimeSpan ResyncInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <value>Where cluster-scoped ExternalServices live (<c>CES_NAMESPACE</c>). Default: kube-system.</value>
    public string ControllerNamespace { get; init; } = Ces.Abstractions.Api.CesApi.DefaultControllerNamespace;
}
