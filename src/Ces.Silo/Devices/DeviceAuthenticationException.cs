namespace Ces.Silo.Devices;

/// <summary>Token login failed; raised inside the handler chain and turned into an outcome by <see cref="DeviceHttp"/>.</summary>
/// <remarks>An exception because a DelegatingHandler can only return responses or throw.</remarks>
internal sealed class DeviceAuthenticationException(string message, bool transient) : Exception(message)
{
    public bool Transient { get; } = transient;
}
