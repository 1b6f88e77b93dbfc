namespace Ces.Silo.Devices;

/// <summary>How the client authenticates to the device.</summary>
public enum DeviceAuthMode
{
    /// <summary>Token login (<c>X-F5-Auth-Token</c>), falling back to basic auth when the device offers no login.</summary>
    Token,

    /// <summary>Basic auth on every request (F5's advice for very large declarations).</summary>
    Basic,
}
