using Microsoft.Extensions.Options;

namespace Ces.Silo.Devices;

/// <summary>Checks <see cref="DeviceOptions"/> at start and reports every problem with its key and the fix.</summary>
internal sealed class DeviceOptionsValidator : IValidateOptions<DeviceOptions>
{
    private const string Key = DeviceOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, DeviceOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Name))
            failures.Add($"{Key}:Name is empty: set a device name such as 'bigip'.");
        if (DeviceUrl.TryParse(options.Url) is null)
            failures.Add($"{Key}:Url '{options.Url}' is not a device address: use host, host:port or https://host:port.");
        CheckCredentials(options, failures);
        if (options.CaBundlePath is { } bundle && !File.Exists(bundle))
            failures.Add($"{Key}:CaBundlePath '{bundle}' does not exist: point it at a PEM file of the device's CA or certificate.");
        if (options.Insecure && options.CaBundlePath is not null)
            failures.Add($"{Key}:Insecure and {Key}:CaBundlePath are both set: keep the CA bundle and drop Insecure.");
        Positive(options.RequestTimeout, "RequestTimeout", failures);
        Positive(options.TaskPollInterval, "TaskPollInterval", failures);
        Positive(options.TaskTimeout, "TaskTimeout", failures);
        Positive(options.BaseRetryDelay, "BaseRetryDelay", failures);
        Positive(options.BusyRetryDelay, "BusyRetryDelay", failures);
        if (options.MaxRetryDelay < options.BaseRetryDelay)
            failures.Add($"{Key}:MaxRetryDelay is below {Key}:BaseRetryDelay: raise MaxRetryDelay.");
        if (options.MaxAttempts is < 1 or > 100)
            failures.Add($"{Key}:MaxAttempts is {options.MaxAttempts}: use 1 to 100.");
        if (options.CircuitBreakerFailures < 2)
            failures.Add($"{Key}:CircuitBreakerFailures is {options.CircuitBreakerFailures}: use 2 or more.");
        if (options.CircuitBreakDuration < TimeSpan.FromMilliseconds(500) || options.CircuitSamplingDuration < TimeSpan.FromMilliseconds(500))
            failures.Add($"{Key}:CircuitBreakDuration and {Key}:CircuitSamplingDuration must be at least 500 ms.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckCredentials(DeviceOptions options, List<string> failures)
    {
        if (options.CredentialsDirectory is { } directory && !Directory.Exists(directory))
        {
            failures.Add($"{Key}:CredentialsDirectory '{directory}' does not exist: mount the Secret there or unset the key.");
            return;
        }
        var credentials = DeviceCredentials.From(options);
        if (credentials.Username.Length == 0 || credentials.Password.Length == 0)
            failures.Add($"{Key}:Username and {Key}:Password are required: set them or {Key}:CredentialsDirectory with files 'username' and 'password'.");
    }

    private static void Positive(TimeSpan value, string key, List<string> failures)
    {
        if (value <= TimeSpan.Zero)
            failures.Add($"{Key}:{key} is {value}: use a positive duration such as 00:00:01.");
    }
}
