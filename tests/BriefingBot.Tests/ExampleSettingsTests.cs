using BriefingBot.Testing;
using Microsoft.Extensions.Configuration;

namespace BriefingBot.Tests;

/// <summary>appsettings.example.json is documentation that must stay true: it parses, and it names every section the bot binds.</summary>
public sealed class ExampleSettingsTests
{
    [Fact]
    public void ExampleSettings_ParseAndCoverEveryBoundSection()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepositoryPaths.Root, "appsettings.example.json"), optional: false)
            .Build();

        foreach (var key in new[]
        {
            "Content:Folder", "Content:MaxFileBytes", "Content:WatchForChanges", "Discord:Token", "Discord:Mode", "Discord:ApiBaseUrl",
            "Discord:PublicKey", "Discord:HttpUrls", "Storage:Provider", "Storage:DatabasePath", "Storage:ConnectionString", "Digest:MaxItems", "Digest:RetryBaseDelay",
            "Digest:ClaimTimeout", "Sources:PollLease",
            "Answers:Semantic", "Answers:VectorCache", "Answers:QuantizedModel", "Answers:QuantizedQuestions", "Sources:DefaultPollInterval", "Sources:MaxResponseBytes",
            "Sources:DisableAfterFailures", "Sources:UserAgent",
        })
        {
            Assert.NotNull(configuration[key]);
        }

        Assert.Equal("seeds", configuration["Content:Folder"]);
        Assert.Equal("sqlite", configuration["Storage:Provider"]);
    }
}
