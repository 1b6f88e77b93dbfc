using Ces.Grains.As3;

namespace Ces.Grains.Tests.As3;

public sealed class As3FormatsTests
{
    [Theory]
    [InlineData("", true)]
    [InlineData("192.0.2.1", true)]
    [InlineData("10.0.0.0/8", true)]
    [InlineData("10.1.0.5%2", true)]
    [InlineData("10.1.0.5%2/24", true)]
    [InlineData("2001:db8::1%3/64", true)]
    [InlineData("::ffff:192.0.2.1", true)]
    [InlineData("::", true)]
    [InlineData("192.0.2.300", false)]
    [InlineData("192.0.2.01", false)]
    [InlineData("192.0.2", false)]
    [InlineData("10.0.0.0/33", false)]
    [InlineData("2001:db8::/129", false)]
    [InlineData("10.0.0.1%65536", false)]
    [InlineData("any", false)]
    [InlineData("any6", false)]
    [InlineData("example.com", false)]
    public void F5ip_follows_the_AS3_rules(string value, bool valid)
    {
        Assert.Equal(valid, As3Formats.IsF5Ip(value));
    }

    [Theory]
    [InlineData("/Common/external", true)]
    [InlineData("/Common/Log all requests", true)]
    [InlineData("Common/external", false)]
    [InlineData("/Common/bad*name", false)]
    [InlineData("/Common/bad\"name", false)]
    [InlineData("/", false)]
    public void F5bigip_follows_the_AS3_rules(string value, bool valid)
    {
        Assert.Equal(valid, As3Formats.IsBigIpPath(value));
    }

    [Theory]
    [InlineData("@", true)]
    [InlineData("1/expand", true)]
    [InlineData("/T/A/item", true)]
    [InlineData("item#", true)]
    [InlineData("bad path", false)]
    public void F5pointer_follows_the_AS3_pointer_syntax(string value, bool valid)
    {
        Assert.Equal(valid, As3Formats.IsPointer(value));
    }
}
