using BriefingBot.Core.Answers;
using BriefingBot.Core.Cluster;
using BriefingBot.Core.Diagnostics;
using BriefingBot.Core.Digest;
using BriefingBot.Core.Quotes;
using BriefingBot.Core.Retrieval.Ranking;
using BriefingBot.Core.Store;
using BriefingBot.Core.Summaries;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BriefingBot.Core;

/// <summary>
/// Registers the domain: the store, the reloader, the answer engine, summaries and digests. The host binds
/// <see cref="Articles.ContentOptions"/> and registers the article loader.
/// </summary>
public static class CoreServiceCollectionExtensions
{
    public static IServiceCollection AddBriefingCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<BotMetrics>();
        services.AddSingleton<IArticleStore, ArticleStore>();
        services.AddSingleton<ContentReloader>();
        services.TryAddSingleton(_ => InstanceIdentity.CreateForThisProcess());
        services.TryAddSingleton<IContentChangeBroadcast, SingleInstanceBroadcast>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IContentChangeHandler, FolderChangeHandler>());
        services.AddSingleton(AnswerOptions.Default);
        services.AddSingleton(RankingOptions.Default);
        services.AddSingleton<QuestionAnswerer>();
        services.AddSingleton(SummaryOptions.Default);
        services.AddSingleton<Summarizer>();
        services.AddSingleton<DigestBuilder>();
        services.AddSingleton<QuoteExtractor>();
        services.AddSingleton<QuoteFinder>();
        services.AddSingleton<ISnapshotWarmer>(sp => sp.GetRequiredService<QuoteFinder>());
        return services;
    }
}
