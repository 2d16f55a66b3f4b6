using BriefingBot.Core.Articles;
using BriefingBot.Core.Retrieval.Indexing;

namespace BriefingBot.Core.Store;

/// <summary>
/// Everything a query needs, frozen at one moment: the articles, their index, and what was skipped when they loaded.
/// Immutable, so it can be shared by any number of readers while a reload builds the next one.
/// </summary>
public sealed class ArticleSnapshot
{
    private readonly Dictionary<string, Article> _byId;

    private readonly IReadOnlyDictionary<string, DateTimeOffset> _firstSeen;

    public ArticleSnapshot(
        SearchIndex index,
        IReadOnlyList<LoadProblem> problems,
        DateTimeOffset loadedAt,
        long version,
        IReadOnlyDictionary<string, DateTimeOffset>? firstSeen = null)
    {
        Index = index;
        _firstSeen = firstSeen ?? new Dictionary<string, DateTimeOffset>();
        Problems = problems;
        LoadedAt = loadedAt;
        Version = version;
        _byId = index.Articles.ToDictionary(a => a.Id, StringComparer.OrdinalIgnoreCase);
    }

    public static ArticleSnapshot Empty { get; } = new(SearchIndex.Empty, [], DateTimeOffset.MinValue, 0);

    public IReadOnlyList<Article> Articles => Index.Articles;

    public SearchIndex Index { get; }

    public IReadOnlyList<LoadProblem> Problems { get; }

    public DateTimeOffset LoadedAt { get; }

    /// <summary>Increases by one with every published snapshot.</summary>
    public long Version { get; }

    public Article? Find(string articleId) => _byId.GetValueOrDefault(articleId);

    /// <summary>
    /// When the bot first saw this article (kept across reloads). Digests use it for articles without a date,
    /// such as the seeds, to tell what is new since the last digest.
    /// </summary>
    public DateTimeOffset FirstSeen(string articleId) => _firstSeen.TryGetValue(articleId, out var seen) ? seen : LoadedAt;

    /// <summary>The article's date if it has one, else when it was first seen.</summary>
    public DateTimeOffset EffectiveDate(Article article) => article.PublishedAt ?? FirstSeen(article.Id);
}
