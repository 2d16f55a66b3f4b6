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

    [Theory]
    [InlineData(0, new int[0])]
    [InlineData(1, new int[0])]
    [InlineData(2, new[] { 1 })]
    [InlineData(4, new[] { 3, 0, 2 })]
    public void Validate_ShardSettingsThatFit_AreValid(int shardCount, int[] shardIds)
    {
        var options = new DiscordOptions { Token = "abc.def.ghi", ShardCount = shardCount, ShardIds = shardIds.ToList() };

        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData(-1, new int[0], "Discord:ShardCount must be 0 (ask Discord how many) or a positive number")]
    [InlineData(0, new[] { 1 }, "Discord:ShardIds is set but Discord:ShardCount is not")]
    [InlineData(2, new[] { 2 }, "Discord:ShardIds 2 is outside 0..1")]
    [InlineData(2, new[] { -1, 0, 5 }, "Discord:ShardIds -1, 5 are outside 0..1")]
    [InlineData(3, new[] { 1, 2, 1 }, "Discord:ShardIds lists 1 more than once")]
    public void Validate_ShardSettingsThatDoNotFit_SayWhatIsWrong(int shardCount, int[] shardIds, string expected)
    {
        var options = new DiscordOptions { Token = "abc.def.ghi", ShardCount = shardCount, ShardIds = shardIds.ToList() };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AddDiscordTransport_EnvironmentStyleShardKeys_Bind()
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["Discord:Token"] = "abc.def.ghi",
            ["Discord:ShardCount"] = "4",
            ["Discord:ShardIds:0"] = "1",
            ["Discord:ShardIds:1"] = "3",
        });

        var options = services.GetRequiredService<IOptions<DiscordOptions>>().Value;

        Assert.Equal(4, options.ShardCount);
        Assert.Equal([1, 3], options.ShardIds);
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
