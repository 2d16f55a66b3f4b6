using BriefingBot.Discord.Gateway;

namespace BriefingBot.Discord.Tests.Gateway;

public sealed class GatewayCloseCodesTests
{
    [Theory]
    [InlineData(4004, GatewayReconnect.Stop)]
    [InlineData(4010, GatewayReconnect.Stop)]
    [InlineData(4011, GatewayReconnect.Reshard)]
    [InlineData(4012, GatewayReconnect.Stop)]
    [InlineData(4013, GatewayReconnect.Stop)]
    [InlineData(4014, GatewayReconnect.Stop)]
    [InlineData(4003, GatewayReconnect.Identify)]
    [InlineData(4007, GatewayReconnect.Identify)]
    [InlineData(4009, GatewayReconnect.Identify)]
    [InlineData(4000, GatewayReconnect.Resume)]
    [InlineData(4008, GatewayReconnect.Resume)]
    [InlineData(1001, GatewayReconnect.Resume)]
    [InlineData(null, GatewayReconnect.Resume)]
    public void Classify_DiscordsCloseCodeTable_SaysHowToCarryOn(int? closeCode, GatewayReconnect expected)
    {
        Assert.Equal(expected, GatewayCloseCodes.Classify(closeCode));
    }

    [Fact]
    public void Reconnecting_IsNotANormalClosure()
    {
        Assert.Equal(4000, GatewayCloseCodes.Reconnecting);
    }

    [Fact]
    public void Describe_BadToken_SaysWhatToSet()
    {
        Assert.Contains("Discord__Token", GatewayCloseCodes.Describe(4004), StringComparison.Ordinal);
        Assert.Equal("connection dropped", GatewayCloseCodes.Describe(null));
    }
}
