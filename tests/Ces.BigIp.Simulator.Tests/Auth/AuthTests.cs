using System.Text.Json.Nodes;
using Ces.BigIp.Simulator.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Ces.BigIp.Simulator.Tests.Auth;

public sealed class AuthTests
{
    private const string Login = "/mgmt/shared/authn/login";
    private const string Info = "/mgmt/shared/appsvcs/info";

    [Fact]
    public async Task Token_from_login_works_until_it_expires()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sim = await TestSimulator.StartAsync(o => o.TimeProvider = clock);
        using var anonymous = TestSimulator.Client(sim, user: null);

        var login = await anonymous.PostAsync(Login, Credentials("admin", "admin"));
        anonymous.DefaultRequestHeaders.Add("X-F5-Auth-Token", (string)login.Body!["token"]!["token"]!);
        var fresh = await anonymous.GetJsonAsync(Info);
        clock.Advance(TimeSpan.FromSeconds(1199));
        var almost = await anonymous.GetJsonAsync(Info);
        clock.Advance(TimeSpan.FromSeconds(2));
        var expired = await anonymous.GetJsonAsync(Info);

        Assert.Equal(200, login.Code);
        Assert.Equal(1200, (int)login.Body["token"]!["timeout"]!);
        Assert.Equal(200, fresh.Code);
        Assert.Equal(200, almost.Code);
        Assert.Equal(401, expired.Code);
    }

    [Fact]
    public async Task Hundred_and_first_live_token_is_refused()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var anonymous = TestSimulator.Client(sim, user: null);

        for (var i = 0; i < 100; i++)
            Assert.Equal(200, (await anonymous.PostAsync(Login, Credentials("admin", "admin"))).Code);
        var refused = await anonymous.PostAsync(Login, Credentials("admin", "admin"));

        Assert.Equal(400, refused.Code);
        Assert.Contains("maximum active login tokens", (string?)refused.Body!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_password_is_refused_for_basic_auth_and_login()
    {
        await using var sim = await TestSimulator.StartAsync(o => o.Password = "s3cret");
        using var wrong = TestSimulator.Client(sim, "admin", "admin");
        using var right = TestSimulator.Client(sim, "admin", "s3cret");
        using var anonymous = TestSimulator.Client(sim, user: null);

        Assert.Equal(401, (await wrong.GetJsonAsync(Info)).Code);
        Assert.Equal(401, (await anonymous.GetJsonAsync(Info)).Code);
        Assert.Equal(401, (await anonymous.PostAsync(Login, Credentials("admin", "admin"))).Code);
        Assert.Equal(200, (await right.GetJsonAsync(Info)).Code);
    }

    [Fact]
    public async Task Unknown_token_is_refused()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var anonymous = TestSimulator.Client(sim, user: null);
        anonymous.DefaultRequestHeaders.Add("X-F5-Auth-Token", "not-a-token");

        Assert.Equal(401, (await anonymous.GetJsonAsync(Info)).Code);
    }

    private static JsonObject Credentials(string user, string password) =>
        new() { ["username"] = user, ["password"] = password, ["loginProviderName"] = "tmos" };
}
