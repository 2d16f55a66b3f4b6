using System.Net;
using BriefingBot.Feeds.Fetching;

namespace BriefingBot.Feeds.Tests.Fetching;

public sealed class AddressPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.100.100.200")]
    [InlineData("0.0.0.0")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fd00:ec2::254")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("224.0.0.1")]
    public void IsAllowed_RefusesInternalAddresses(string address) =>
        Assert.False(AddressPolicy.AllowOnly().IsAllowed(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("2606:2800:220:1:248:1893:25c8:1946")]
    public void IsAllowed_AcceptsPublicAddresses(string address) =>
        Assert.True(AddressPolicy.AllowOnly().IsAllowed(IPAddress.Parse(address)));

    [Fact]
    public void IsAllowed_TakesOnlyWhatTheOperatorAllowListed()
    {
        var policy = AddressPolicy.AllowOnly("127.0.0.1", "10.20.0.0/16");

        Assert.True(policy.IsAllowed(IPAddress.Parse("127.0.0.1")));
        Assert.True(policy.IsAllowed(IPAddress.Parse("10.20.3.4")));
        Assert.False(policy.IsAllowed(IPAddress.Parse("127.0.0.2")));
        Assert.False(policy.IsAllowed(IPAddress.Parse("10.21.0.1")));
        Assert.False(policy.IsAllowed(IPAddress.Parse("169.254.169.254")));
    }
}
