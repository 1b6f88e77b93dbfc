namespace Ces.Silo.Devices;

/// <summary>The device client's counters at one moment.</summary>
/// <param name="Attempts">HTTP attempts made through the resilience pipeline, retries included.</param>
/// <param name="TotalBackoff">Sum of the delays waited before retries.</param>
/// <param name="BusyRetries">Retries after a 503 (or 429) busy answer.</param>
/// <param name="ShortCircuits">Calls answered Unavailable by an open circuit without reaching the device.</param>
public sealed record DeviceClientStatsSnapshot(
    long Attempts,
    long Retries,
    TimeSpan TotalBackoff,
    long BusyRetries,
    long CircuitOpenings,
    long ShortCircuits,
    long Logins);
