using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Core.Retrieval.Query;
using BriefingBot.Core.Semantics;

namespace BriefingBot.Core.Retrieval.Ranking;

/// <summary>Ranks whole articles (title and body), each with its best-matching sentence as the snippet.</summary>
public static class ArticleSearcher
{
    /// <summary>
    /// By meaning and words when <paramref name="embeddings"/> is available (<see cref="MeaningArticleSearcher"/>), by
    /// words alone otherwise.
    /// </summary>
    public static IReadOnlyList<ArticleHit> Search(
        SearchIndex index,
        ParsedQuery query,
        int top,
        RankingOptions ranking,
        ISentenceEmbeddings? embeddings,
        SemanticOptions? semantic = null,
        CancellationToken cancellationToken = default)
    {
        if (embeddings is { IsAvailable: true }
            && MeaningArticleSearcher.Search(index, query, top, ranking, embeddings, (semantic ?? SemanticOptions.Default).OnDemandBudget, cancellationToken) is { } hits)
        {
            return hits;
        }

        return Search(index, query, top, ranking);
    }

    public static IReadOnlyList<ArticleHit> Search(SearchIndex index, ParsedQuery query, int top, RankingOptions? options = null)
    {
        options ??= RankingOptions.Default;
        if (query.IsEmpty || top <= 0)
        {
            return [];
        }

        var (sentences, ranked) = SentenceSearcher.SearchWithArticles(index, query, Math.Max(top * 20, 100), top, options);
        if (ranked.Length == 0)
        {
            return [];
        }

        return ranked.Select(kv =>
        {
            var best = sentences.FirstOrDefault(h => h.Article == kv.Article);
            var snippet = best is not null ? index.SentenceText(best.Sentence) : FirstSentence(index, kv.Article);
            return new ArticleHit(index.Articles[kv.Article], Math.Round(kv.Score, 4), snippet);
        }).ToArray();
    }

    private static string FirstSentence(SearchIndex index, int article)
    {
        var (first, end) = index.SentenceRange(article);
        return first < end ? index.SentenceText(first) : string.Empty;
    }
}
