using System.Security.Cryptography;
using Ces.BigIp.Simulator.Hosting;

namespace Ces.BigIp.Simulator.Auth;

/// iControl LX tokens: expire after their timeout (default 1200 s) and are capped per user (default 100).
internal sealed class TokenStore(SimulatorOptions options)
{
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromSeconds(36000);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, AuthToken> _tokens = new(StringComparer.Ordinal);

    /// <summary>A new token, or null when the user already holds the maximum of live tokens.</summary>
    public AuthToken? Issue(string user)
    {
        var now = options.TimeProvider.GetUtcNow();
        lock (_gate)
        {
            Purge(now);
            if (_tokens.Values.Count(token => token.User == user) >= options.MaxTokensPerUser)
                return null;
            var token = new AuthToken(Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('/', 'A').Replace('+', 'B'), user, now, options.TokenLifetime);
            _tokens.Add(token.Token, token);
            return token;
        }
    }

    public AuthToken? Find(string token)
    {
        var now = options.TimeProvider.GetUtcNow();
        lock (_gate)
        {
            Purge(now);
            return _tokens.GetValueOrDefault(token);
        }
    }

    /// <summary>Sets a new timeout counted from the token's start, capped at 36000 s as on the device.</summary>
    public AuthToken? Extend(string token, TimeSpan timeout)
    {
        lock (_gate)
        {
            if (Find(token) is not { } found)
                return null;
            var extended = found with { Timeout = timeout > MaxTimeout ? MaxTimeout : timeout };
            _tokens[token] = extended;
            return extended;
        }
    }

    private void Purge(DateTimeOffset now)
    {
        foreach (var expired in _tokens.Values.Where(token => token.Expires <= now).ToList())
            _tokens.Remove(expired.Token);
    }
}
