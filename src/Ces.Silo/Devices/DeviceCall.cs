namespace Ces.Silo.Devices;

/// <summary>What one HTTP attempt against the device produced: an answer, or no answer at all.</summary>
internal abstract record DeviceCall
{
    /// <summary>The device answered; <paramref name="Body"/> is empty for bodiless answers such as iControl LX's 408.</summary>
    public sealed record Answered(int Status, string Body, TimeSpan? RetryAfter) : DeviceCall;

    /// <summary>No usable answer: timeout, reset, refused connection, TLS failure or an open circuit.</summary>
    public sealed record Failed(string Reason, bool Transient, TimeSpan? RetryAfter = null) : DeviceCall;

    /// <summary>Worth another attempt: busy, gateway and timeout answers, and lost connections.</summary>
    public bool IsTransient => this switch
    {
        Answered answered => answered.Status is 408 or 429 or 500 or 502 or 503 or 504,
        Failed failed => failed.Transient,
        _ => false,
    };

    /// <summary>AS3's "configuration operation in progress": the device is working, so wait longer than for an error.</summary>
    public bool IsBusy => this is Answered { Status: 503 or 429 };

    public string Describe() => this switch
    {
        Answered { Body.Length: 0 } answered => $"HTTP {answered.Status} with an empty body",
        Answered answered => $"HTTP {answered.Status}: {Shorten(answered.Body)}",
        Failed failed => failed.Reason,
        _ => "unknown",
    };

    /// <summary>A reason for a status line or a log: auth refusals name the keys to fix, never the values.</summary>
    public string ReasonFor(string device) => this is Answered { Status: 401 or 403 } answered
        ? $"Device {device} refused the credentials (HTTP {answered.Status}): check {DeviceOptions.SectionName}:Username/Password or CredentialsDirectory"
        : Describe();

    /// <remarks>Error bodies can be whole HTML pages from restjavad; a reason should fit on a status line.</remarks>
    private static string Shorten(string body) => body.Length <= 300 ? body : body[..300] + "…";
}
