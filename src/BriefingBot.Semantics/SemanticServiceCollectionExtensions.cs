using BriefingBot.Core.Answers;
using BriefingBot.Core.Retrieval.Ranking;
using BriefingBot.Core.Semantics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BriefingBot.Semantics;

/// <summary>
/// Registers meaning for answers: options (section <c>Answers</c>), the model (loaded on first use or when the
/// background worker starts), the vector cache, <see cref="ISentenceEmbeddings"/>, the <see cref="HybridRanker"/>
/// and a <see cref="QuestionAnswerer"/> that uses it, plus the background worker (started only by a running host,
/// so one-shot CLI calls never embed the collection). Call after <c>AddBriefingCore</c>.
/// </summary>
public static class SemanticServiceCollectionExtensions
{
    public static IServiceCollection AddSemanticAnswers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SemanticAnswerOptions>()
            .Bind(configuration.GetSection(SemanticAnswerOptions.SectionName))
            .PostConfigure(o =>
            {
                if (string.IsNullOrWhiteSpace(o.VectorCache))
                {
                    o.VectorCache = SemanticAnswerOptions.DefaultCacheFolder(configuration["Storage:DatabasePath"]);
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SemanticAnswerOptions>, SemanticAnswerOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IEmbedderLoader, MiniLmLoader>();
        services.TryAddSingleton(SemanticOptions.Default);
        services.TryAddSingleton(RankingOptions.Default);
        services.TryAddSingleton(AnswerOptions.Default);
        services.AddSingleton<SemanticModel>();
        services.AddSingleton<ModelSentenceEmbeddings>();
        services.AddSingleton<ISentenceEmbeddings>(sp => sp.GetRequiredService<ModelSentenceEmbeddings>());
        services.AddSingleton<IEmbeddingProgress>(sp => sp.GetRequiredService<ModelSentenceEmbeddings>());
        services.AddSingleton(sp => new HybridRanker(
            sp.GetRequiredService<ISentenceEmbeddings>(),
            sp.GetRequiredService<SemanticOptions>(),
            sp.GetRequiredService<RankingOptions>()));
        services.Replace(ServiceDescriptor.Singleton(sp => new QuestionAnswerer(
            sp.GetRequiredService<AnswerOptions>(),
            sp.GetRequiredService<RankingOptions>(),
            sp.GetRequiredService<HybridRanker>())));
        services.AddSingleton<BackgroundEmbeddingService>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<BackgroundEmbeddingService>());
        return services;
    }
}
