using BriefingBot.Discord.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BriefingBot.Discord.Tests;

public sealed class DiscordOptionsValidatorTests
{
    private const string Key = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private readonly DiscordOptionsValidator _validator = new();

    [Fact]
    public void Validate_NoToken_IsValidAndMeansOff()
    {
        var options = new DiscordOptions { Mode = DiscordMode.Http, ApiBaseUrl = "not a url" };

        var result = _validator.Validate(null, options);

        Assert.True(result.Succeeded);
        Assert.False(options.Enabled);
    }

    [Fact]
    public void Validate_TokenWithDefaults_IsValid()
    {
        Assert.True(_validator.Validate(null, new DiscordOptions { Token = "abc.def.ghi" }).Succeeded);
    }

    [Theory]
    [InlineData("http", null, "http://0.0.0.0:8080", "Discord__PublicKey")]
    [InlineData("http", Key, null, "Discord__HttpUrls")]
    [InlineData("gateway", "xyz", null, "64 hex characters")]
    public void Validate_HttpModeSettings_SaysWhatToSet(string mode, string? publicKey, string? httpUrls, string expected)
    {
        var options = new DiscordOptions
        {
            Token = "abc.def.ghi",
            Mode = Enum.Parse<DiscordMode>(mode, ignoreCase: true),
            PublicKey = publicKey,
            HttpUrls = httpUrls,
        };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bot abc.def", "https://discord.com/api/v10", "no 'Bot ' prefix")]
    [InlineData("abc.def", "ftp://example.org", "Discord__ApiBaseUrl")]
    [InlineData("abc.def", "/api/v10", "Discord__ApiBaseUrl")]
    public void Validate_BadTokenOrUrl_SaysWhatToSet(string token, string apiBaseUrl, string expected)
    {
        var result = _validator.Validate(null, new DiscordOptions { Token = token, ApiBaseUrl = apiBaseUrl });

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AddDiscordTransport_EnvironmentStyleKeys_BindGuildIdsModeAndKey()
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["Discord:Token"] = "abc.def.ghi",
            ["Discord:GuildIds:0"] = "700000000000000001",
            ["Discord:GuildIds:1"] = "700000000000000002",
            ["Discord:Mode"] = "http",
            ["Discord:PublicKey"] = Key,
            ["Discord:HttpUrls"] = "http://0.0.0.0:8080",
        });

        var options = services.GetRequiredService<IOptions<DiscordOptions>>().Value;

        Assert.Equal([700000000000000001UL, 700000000000000002UL], options.GuildIds);
        Assert.Equal(DiscordMode.Http, options.Mode);
        Assert.Equal(DiscordOptions.DefaultApiBaseUrl, options.ApiBaseUrl);
    }

    [Fact]
    public void AddDiscordTransport_InvalidSettings_FailWithTheMessage()
    {
        using var services = Build(new Dictionary<string, string?> { ["Discord:Token"] = "abc.def", ["Discord:Mode"] = "http", ["Discord:HttpUrls"] = "http://0.0.0.0:8080" });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DiscordOptions>>().Value);

        Assert.Contains("Discord__PublicKey", ex.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        DiscordTestHost.AddCommands(services);
        services.AddLogging();
        services.AddDiscordTransport(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }
}
