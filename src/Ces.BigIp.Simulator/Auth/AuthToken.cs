namespace Ces.BigIp.Simulator.Auth;

/// A login token: valid from <see cref="Start"/> for <see cref="Timeout"/>.
internal sealed record AuthToken(string Token, string User, DateTimeOffset Start, TimeSpan Timeout)
{
    public DateTimeOffset Expires => Start + Timeout;

    public override string ToString() => $"AuthToken {{ User = {User}, Expires = {Expires:O} }}";
}
