namespace Ces.Silo.Devices;

/// <summary>User name and password for the device, with the mounted Secret's files taking precedence.</summary>
public sealed record DeviceCredentials(string Username, string Password)
{
    public const string UsernameFile = "username";
    public const string PasswordFile = "password";

    /// <summary>Reads the files each time, so a rotated Secret is picked up at the next login.</summary>
    public static DeviceCredentials From(DeviceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new DeviceCredentials(
            ReadFile(options.CredentialsDirectory, UsernameFile) ?? options.Username ?? "",
            ReadFile(options.CredentialsDirectory, PasswordFile) ?? options.Password ?? "");
    }

    public override string ToString() => $"DeviceCredentials {{ Username = {Username}, Password = *** }}";

    /// <remarks>Secrets written by hand often end with a newline; the device would reject it as part of the password.</remarks>
    private static string? ReadFile(string? directory, string name)
    {
        if (string.IsNullOrEmpty(directory))
            return null;
        var path = Path.Combine(directory, name);
        return File.Exists(path) ? File.ReadAllText(path).TrimEnd('\r', '\n') : null;
    }
}
