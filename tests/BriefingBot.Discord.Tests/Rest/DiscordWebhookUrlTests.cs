using BriefingBot.Discord.Rest;

namespace BriefingBot.Discord.Tests.Rest;

public sealed class DiscordWebhookUrlTests
{
    private const string Token = "abcdefghijklmnopqrstuvwxyz_-0123456789";
    private readonly DiscordWebhookUrl _rules = new();

    [Theory]
    [InlineData("https://discord.com/api/webhooks/123456789/" + Token)]
    [InlineData("https://discordapp.com/api/v10/webhooks/123456789/" + Token)]
    [InlineData("https://canary.discord.com/api/webhooks/123456789/" + Token + "/")]
    [InlineData("  https://ptb.discord.com/api/webhooks/123456789/" + Token + "  ")]
    public void IsValid_DiscordChannelWebhook_True(string url)
    {
        Assert.True(_rules.IsValid(url));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("http://discord.com/api/webhooks/123456/" + Token)]
    [InlineData("https://evil.example/api/webhooks/123456/" + Token)]
    [InlineData("https://discord.com/api/webhooks/123456")]
    [InlineData("https://discord.com/api/webhooks/123456/short")]
    [InlineData("https://discord.com.evil.example/api/webhooks/123456/" + Token)]
    public void IsValid_AnythingElse_False(string? url)
    {
        Assert.False(_rules.IsValid(url));
    }

    [Fact]
    public void Describe_ValidUrl_NamesTheIdButNeverTheToken()
    {
        var description = _rules.Describe("https://discord.com/api/webhooks/123456789/" + Token);

        Assert.Equal("webhook 123456789", description);
        Assert.DoesNotContain(Token, description, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_InvalidUrl_SaysOnlyWebhook()
    {
        Assert.Equal("webhook", _rules.Describe("https://evil.example/secret"));
    }
}
