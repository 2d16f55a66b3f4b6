using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Core.Retrieval.Query;
using BriefingBot.Core.Retrieval.Ranking;

namespace BriefingBot.Core.Semantics;

/// <summary>
/// Ranks whole articles by meaning and words together, for /search. Candidates are the lexical engine's best articles
/// and the articles whose titles are closest in meaning to the query (a query in other words than the article's
/// shares none of them). An article's meaning is the better of its title's similarity and its best sentence's, among
/// its best lexical sentences and its opening ones: a search names what the article is about or a detail in it.
/// </summary>
public static class MeaningArticleSearcher
{
    /// <summary>
    /// Weight of the article's lexical relevance (over the best article's) beside the cosine, chosen on the news
    /// questions used as queries (dev split, --eval search; figures in docs/tuning-history.md).
    /// </summary>
    public const double LexicalWeight = 0.8;

    /// <summary>
    /// An article found by meaning alone must be at least this close to the query: below it all-MiniLM-L6-v2 pairs
    /// are mostly unrelated, and a search for words no article has should still say so.
    /// </summary>
    public const double MeaningFloor = 0.35;

    /// <summary>
    /// The cosine an article without vectors is taken to have, times its lexical relevance: about what the best
    /// lexical match has on our news questions, so an article the worker has not reached keeps its lexical place.
    /// </summary>
    public const double CosineStandIn = 0.5;

    // Opening sentences say what the article is about; more adds cost without finding more.
    private const int LeadSentences = 3;

    private const int LexicalSentencesPerArticle = 3;

    /// <summary>Articles ranked by meaning and words, best first; null when meaning is unavailable.</summary>
    public static IReadOnlyList<ArticleHit>? Search(
        SearchIndex index,
        ParsedQuery query,
        int top,
        RankingOptions ranking,
        ISentenceEmbeddings embeddings,
        int onDemandBudget,
        CancellationToken cancellationToken = default)
    {
        if (!embeddings.IsAvailable || top <= 0 || index.Articles.Count == 0 || string.IsNullOrWhiteSpace(query.Text)
            || embeddings.VectorsFor(index) is not { } vectors || embeddings.EmbedQuery(query.Text, cancellationToken) is not { } question)
        {
            return null;
        }

        var pool = Math.Max(top * 3, 20);
        var lexicalArticles = query.IsEmpty ? [] : SentenceSearcher.TopArticles(index, query, pool, ranking);
        var lexicalSentences = query.IsEmpty ? [] : SentenceSearcher.Search(index, query, Math.Max(top * 20, 100), ranking);
        var bestArticle = lexicalArticles.Length > 0 ? Math.Max(lexicalArticles[0].Score, 1e-9) : 1;
        var bestSentence = lexicalSentences.Count > 0 ? Math.Max(lexicalSentences[0].Score, 1e-9) : 1;

        var candidates = new Dictionary<int, Candidate>();
        foreach (var (article, score) in lexicalArticles)
        {
            candidates[article] = new Candidate(score / bestArticle);
        }

        foreach (var article in EmbeddingText.ClosestTitles(index, vectors, question, Math.Max(top * 2, 10)))
        {
            candidates.TryAdd(article, new Candidate(0));
        }

        foreach (var hit in lexicalSentences)
        {
            if (candidates.TryGetValue(hit.Article, out var candidate) && candidate.Sentences.Count < LexicalSentencesPerArticle)
            {
                candidate.Sentences[hit.Sentence] = hit.Score / bestSentence;
            }
        }

        foreach (var (article, candidate) in candidates)
        {
            var (first, end) = index.SentenceRange(article);
            for (var id = first; id < Math.Min(end, first + LeadSentences); id++)
            {
                candidate.Sentences.TryAdd(id, 0);
            }
        }

        EmbedMissing(index, vectors, embeddings, candidates, onDemandBudget, cancellationToken);

        var hits = new List<(ArticleHit Hit, int Article)>(candidates.Count);
        foreach (var (article, candidate) in candidates)
        {
            var title = vectors.Dot(EmbeddingText.TitleSlot(index, article), question);
            var (snippet, sentence) = BestSentence(index, vectors, question, candidate);
            double? meaning = title is null && sentence is null ? null : Math.Max(title ?? -1, sentence ?? -1);
            if (candidate.Lexical <= 0 && (meaning ?? 0) < MeaningFloor)
            {
                continue;
            }

            var score = (LexicalWeight * candidate.Lexical) + (meaning ?? CosineStandIn * candidate.Lexical);
            var text = snippet >= 0 ? index.SentenceText(snippet) : string.Empty;
            hits.Add((new ArticleHit(index.Articles[article], Math.Round(score, 4), text), article));
        }

        return hits
            .OrderByDescending(h => h.Hit.Score)
            .ThenBy(h => h.Article)
            .Take(top)
            .Select(h => h.Hit)
            .ToArray();
    }

    /// <summary>
    /// Titles first (one vector places a whole article), then sentences, lexically likeliest first, so a tight budget
    /// goes where it changes the ranking most.
    /// </summary>
    private static void EmbedMissing(
        SearchIndex index,
        SentenceVectors vectors,
        ISentenceEmbeddings embeddings,
        Dictionary<int, Candidate> candidates,
        int budget,
        CancellationToken cancellationToken)
    {
        var byPromise = candidates.OrderByDescending(c => c.Value.Lexical).ToArray();
        var missing = byPromise.Select(c => EmbeddingText.TitleSlot(index, c.Key))
            .Concat(byPromise.SelectMany(c => c.Value.Sentences.OrderByDescending(s => s.Value).Select(s => s.Key)))
            .Where(slot => !vectors.Has(slot))
            .ToArray();
        if (missing.Length > 0 && budget > 0)
        {
            embeddings.EmbedNow(index, missing, budget, cancellationToken);
        }
    }

    /// <summary>
    /// The sentence closest to the query in meaning and words (the snippet), and its cosine; without vectors the best
    /// lexical sentence, else the first.
    /// </summary>
    private static (int Sentence, double? Similarity) BestSentence(SearchIndex index, SentenceVectors vectors, float[] question, Candidate candidate)
    {
        var best = -1;
        var bestScore = double.NegativeInfinity;
        double? bestSimilarity = null;
        foreach (var (id, lexical) in candidate.Sentences)
        {
            var similarity = vectors.Dot(id, question);
            var score = (LexicalWeight * lexical) + (similarity ?? CosineStandIn * lexical);
            if (score > bestScore || (score == bestScore && id < best))
            {
                (best, bestScore) = (id, score);
            }

            if (similarity is { } s && s > (bestSimilarity ?? double.NegativeInfinity))
            {
                bestSimilarity = s;
            }
        }

        return (best, bestSimilarity);
    }

    /// <param name="Lexical">The article's lexical relevance over the best article's, 0 when found by meaning alone.</param>
    private sealed record Candidate(double Lexical)
    {
        /// <summary>Sentence id → its lexical score over the best sentence's (0 for an opening sentence that did not match).</summary>
        public Dictionary<int, double> Sentences { get; } = [];
    }
}
