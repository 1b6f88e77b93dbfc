namespace Ces.Silo.Devices;

/// <summary>How CES reaches its BIG-IP: address, credentials, TLS trust, timeouts and retry budget.</summary>
public sealed class DeviceOptions
{
    public const string SectionName = "Ces:Device";

    /// <value>The device's name in CES (the key grains and logs use). Default: <c>bigip</c>.</value>
    public string Name { get; set; } = "bigip";

    /// <value><c>host</c>, <c>host:port</c> (CES 0.5's <c>--bigip-url</c>) or an <c>https://</c> URL. Required.</value>
    public string? Url { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <value>A mounted Secret with files <c>username</c> and <c>password</c>; a file overrides the value above (CES's <c>--bigip-creds-dir</c>).</value>
    public string? CredentialsDirectory { get; set; }

    /// <value>Skip certificate verification. Logs a Warning at start. Default: false.</value>
    public bool Insecure { get; set; }

    /// <value>PEM file of the certificates to trust for the device (and only those); none uses the system store.</value>
    public string? CaBundlePath { get; set; }

    /// <value>Per request; above AS3's own 60 s so large tenants finish. Default: 120 s.</value>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <value>Between polls of an AS3 task. Default: 1 s.</value>
    public TimeSpan TaskPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <value>Longest wait for an AS3 task before reporting the device unavailable. Default: 15 min.</value>
    public TimeSpan TaskTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <value>Attempts per request, the first included. Default: 5.</value>
    public int MaxAttempts { get; set; } = 5;

    /// <value>First backoff after a transient error (500, 408, reset, timeout), doubled with jitter. Default: 1 s.</value>
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <value>First backoff after a 503 busy answer without Retry-After: a busy device gets more room. Default: 10 s.</value>
    public TimeSpan BusyRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <value>Cap on one backoff. Default: 2 min.</value>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <value>Failed attempts in a row (within <see cref="CircuitSamplingDuration"/>) that open the circuit. Default: 10.</value>
    public int CircuitBreakerFailures { get; set; } = 10;

    /// <value>Window the circuit breaker counts failures in. Default: 60 s.</value>
    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <value>How long an open circuit answers Unavailable without calling the device. Default: 30 s.</value>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <value>Default: <see cref="DeviceAuthMode.Token"/>.</value>
    public DeviceAuthMode AuthMode { get; set; } = DeviceAuthMode.Token;

    /// <remarks>Credentials stay out: options get logged and dumped.</remarks>
    public override string ToString() =>
        $"Device {Name} at {Url} (auth {AuthMode}, insecure {Insecure}, CA bundle {CaBundlePath ?? "none"}, credentials {(CredentialsDirectory is null ? "inline" : "from directory")})";
}
