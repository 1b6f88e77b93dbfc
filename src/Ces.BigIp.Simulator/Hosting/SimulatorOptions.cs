using Ces.BigIp.Simulator.Faults;

namespace Ces.BigIp.Simulator.Hosting;

/// Settings of one simulated BIG-IP; defaults match a real device (as3.md §7, §8).
public sealed class SimulatorOptions
{
    /// <value>TCP port on 127.0.0.1; 0 picks a free one (read it back from BaseAddress). Default: 8443.</value>
    public int Port { get; set; } = 8443;

    /// <value>Serve HTTPS with a self-signed certificate made at start. Default: true.</value>
    public bool UseHttps { get; set; } = true;

    public string User { get; set; } = "admin";

    public string Password { get; set; } = "admin";

    /// <value>Multiplies every modelled delay (declaration cost, PATCH, save, auto-async threshold). Default: 1.0 (real speed).</value>
    public double Speed { get; set; } = 1.0;

    /// <value>A synchronous declaration still running after this (times Speed) is answered 202 and becomes a task. Default: 45 s.</value>
    public TimeSpan AutoAsyncThreshold { get; set; } = TimeSpan.FromSeconds(45);

    /// <value>Fixed cost of one AS3 declaration. Default: 3 s.</value>
    public TimeSpan DeclarationBaseCost { get; set; } = TimeSpan.FromSeconds(3);

    /// <value>Extra cost per object (item or rule) in the tenants a declaration carries. Default: 1 ms.</value>
    public TimeSpan PerObjectCost { get; set; } = TimeSpan.FromMilliseconds(1);

    /// <value>
    /// Check declarations against the AS3 JSON schema, as AS3 does. Default: true. Benchmarks turn it off: the check costs
    /// the simulator about 3 ms of CPU per KB (a 190 KB tenant: 0.5 s), on top of <see cref="DeclarationBaseCost"/>, which
    /// already models AS3's own validation, so with it on a benchmark measures the stand-in rather than the controller.
    /// Post-schema checks (pointers, names, `bigip` components) still run.
    /// </value>
    public bool ValidateSchema { get; set; } = true;

    /// <value>Cost of an iControl PATCH. Default: 50 ms.</value>
    public TimeSpan PatchCost { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <value>Cost of `save sys config`. Default: 1 s.</value>
    public TimeSpan SaveCost { get; set; } = TimeSpan.FromSeconds(1);

    /// <value>Lifetime of a login token. Default: 1200 s.</value>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(1200);

    /// <value>Live tokens one user may hold; the next login fails. Default: 100.</value>
    public int MaxTokensPerUser { get; set; } = 100;

    /// <value>Longest time a Hang fault holds a request before aborting it. Default: 10 min.</value>
    public TimeSpan HangLimit { get; set; } = TimeSpan.FromMinutes(10);

    /// <value>Route domains besides /Common/0, written `partition/name=id` (`p2/rd2=2`, `Common/100=100`).</value>
    public IList<string> RouteDomains { get; } = [];

    /// <value>iRules that exist in /Common before any declaration (`bwc-1mbps-irule` → /Common/bwc-1mbps-irule).</value>
    public IList<string> IRules { get; } = [];

    /// <value>Other pre-existing objects a `bigip` reference may name, as full paths (`/Common/external`).</value>
    public IList<string> Components { get; } = [];

    public IList<FaultRule> FaultScript { get; } = [];

    public FaultRate FaultRate { get; set; } = FaultRate.None;

    /// <value>Start with AS3's burst queue on (otherwise enable it with POST /mgmt/shared/appsvcs/settings). Default: false.</value>
    public bool BurstHandling { get; set; }

    /// <value>Where to write the generated certificate as PEM, so curl or another process can trust it.</value>
    public string? CertificateOutputPath { get; set; }

    /// <value>Clock for tokens, tasks and delays; tests pass a FakeTimeProvider. Default: the system clock.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <value>Lowest level logged. Default: Information.</value>
    public Microsoft.Extensions.Logging.LogLevel LogLevel { get; set; } = Microsoft.Extensions.Logging.LogLevel.Information;
}
