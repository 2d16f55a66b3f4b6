using BriefingBot.Core.Articles;
using BriefingBot.Core.Retrieval.Indexing;
using Microsoft.Extensions.Logging.Abstractions;

namespace BriefingBot.Testing;

/// <summary>The repository's seed articles, loaded once through the real loader and indexed.</summary>
public static class SeedCorpus
{
    private static readonly Lazy<(IReadOnlyList<Article> Articles, SearchIndex Index)> Loaded = new(() =>
    {
        var loader = new ArticleLoader(new ContentOptions(), NullLogger<ArticleLoader>.Instance);
        var result = loader.LoadFolderAsync(RepositoryPaths.Seeds, CancellationToken.None).GetAwaiter().GetResult();
        return (result.Articles, SearchIndex.Build(result.Articles));
    });

    public static IReadOnlyList<Article> Articles => Loaded.Value.Articles;

    public static SearchIndex Index => Loaded.Value.Index;

    /// <summary>The defector's letter (seed 000).</summary>
    public const string DefectorArticleId = "000_7686bac24476dbc3";

    /// <summary>Kim's orders to his generals before the Hanoi summit (seed 004).</summary>
    public const string GeneralsArticleId = "004_2cd50ea2d18e3eb8";
}
