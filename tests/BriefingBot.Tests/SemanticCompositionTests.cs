using BriefingBot.Core.Answers;
using BriefingBot.Core.Semantics;
using BriefingBot.Semantics;
using BriefingBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BriefingBot.Tests;

/// <summary>The host composes meaning into answering, and the switch reaches it.</summary>
public sealed class SemanticCompositionTests
{
    [Fact]
    public void AddBriefingBot_AnswersWithTheHybridRanker_AndRunsTheBackgroundWorker()
    {
        using var services = Build(("Answers:Semantic", "true"));

        Assert.NotNull(services.GetRequiredService<HybridRanker>());
        Assert.Contains(services.GetServices<IHostedService>(), s => s is BackgroundEmbeddingService);
        Assert.IsType<ModelSentenceEmbeddings>(services.GetRequiredService<ISentenceEmbeddings>());
        Assert.Same(services.GetRequiredService<ISentenceEmbeddings>(), services.GetRequiredService<IEmbeddingProgress>());
    }

    [Fact]
    public void AddBriefingBot_SemanticFalse_AnswersLexically()
    {
        using var services = Build(("Answers:Semantic", "false"));

        Assert.False(services.GetRequiredService<QuestionAnswerer>().UsesMeaning);
        Assert.False(services.GetRequiredService<ISentenceEmbeddings>().IsAvailable);
    }

    private static ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .AddInMemoryCollection([new("Content:Folder", RepositoryPaths.Seeds)])
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddBriefingBot(configuration);
        return services.BuildServiceProvider();
    }
}
