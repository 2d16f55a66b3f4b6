using BriefingBot.Core;
using BriefingBot.Core.Articles;
using BriefingBot.Semantics.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Semantics.Tests;

/// <summary>The registrations the bot makes, with a fake model and a log the test can read.</summary>
public static class SemanticHost
{
    public static ServiceProvider Build(IEmbedderLoader loader, ListLoggerProvider log, params (string Key, string? Value)[] settings)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in settings)
        {
            values[key] = value; // later settings win, as later configuration sources do
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(log).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<IArticleLoader>(new NoArticles());
        services.AddBriefingCore();
        services.AddSingleton(loader);
        services.AddSemanticAnswers(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    private sealed class NoArticles : IArticleLoader
    {
        public Task<ArticleLoadResult> LoadFolderAsync(string folder, CancellationToken cancellationToken) =>
            throw new NotSupportedException("tests publish snapshots themselves");
    }
}
