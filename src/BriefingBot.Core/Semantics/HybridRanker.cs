using BriefingBot.Core.Retrieval;

namespace BriefingBot.Core.Semantics;

/// <summary>
/// Ranks sentences by meaning and words together. The lexical engine proposes: its best sentences anywhere, and every
/// sentence of its most relevant articles, since the sentence that answers a paraphrased question often shares no
/// word with it. Meaning then decides among them, with the lexical evidence (rare-term matches, coverage, the
/// article's relevance, answer-type cues, a small position prior) as the other terms of one weighted sum.
/// </summary>
public sealed class HybridRanker(ISentenceEmbeddings embeddings, SemanticOptions options, RankingOptions ranking)
{
    public bool IsAvailable => embeddings.IsAvailable;

    public SemanticOptions Options => options;

    /// <summary>
    /// Every candidate with its evidence, best first; null when meaning is unavailable (the caller then ranks
    /// lexically).
    /// </summary>
    public IReadOnlyList<RankedSentence>? Rank(SearchIndex index, ParsedQuery query, string question, CancellationToken cancellationToken = default)
    {
        if (!embeddings.IsAvailable || index.SentenceCount == 0 || embeddings.VectorsFor(index) is not { } vectors
            || embeddings.EmbedQuery(question, cancellationToken) is not { } questionVector)
        {
            return null;
        }

        var lexical = query.IsEmpty ? [] : SentenceSearcher.Search(index, query, options.LexicalCandidates, ranking);
        var articles = query.IsEmpty ? [] : SentenceSearcher.TopArticles(index, query, options.CandidateArticles, ranking);
        var bestLexical = lexical.Count > 0 ? Math.Max(lexical[0].Score, 1e-9) : 1;
        var bestArticle = articles.Length > 0 ? Math.Max(articles[0].Score, 1e-9) : 1;
        var articleScore = articles.ToDictionary(a => a.Article, a => a.Score / bestArticle);

        var candidates = new Dictionary<int, SentenceHit?>();
        foreach (var hit in lexical)
        {
            candidates[hit.Sentence] = hit;
        }

        foreach (var (article, _) in articles)
        {
            var (first, end) = index.SentenceRange(article);
            for (var id = first; id < Math.Min(end, first + options.SentencesPerArticle); id++)
            {
                candidates.TryAdd(id, null);
            }
        }

        var missing = candidates.Keys.Where(id => !vectors.Has(id)).ToArray();
        if (missing.Length > 0)
        {
            // Lexical order first, so a tight budget goes to the likeliest answers.
            var byPromise = missing.OrderByDescending(id => candidates[id]?.Score ?? 0).ToArray();
            embeddings.EmbedNow(index, byPromise, options.OnDemandBudget, cancellationToken);
        }

        var ranked = new List<RankedSentence>(candidates.Count);
        foreach (var (id, hit) in candidates)
        {
            var entry = index.Sentence(id);
            var text = index.SentenceText(id);
            var similarity = vectors.Dot(id, questionVector);
            var features = new CandidateFeatures(
                Similarity: similarity ?? 0,
                Lexical: hit is null ? 0 : hit.Score / bestLexical,
                Article: articleScore.GetValueOrDefault(entry.Article),
                Coverage: hit?.Coverage ?? 0,
                ContextCoverage: hit?.ContextCoverage ?? 0,
                Cue: AnswerCues.Strength(query.Type, text),
                Lead: 1.0 / (1 + entry.Ordinal),
                Fragment: !SentenceEnding.IsComplete(text),
                HasVector: similarity is not null);
            ranked.Add(new RankedSentence(id, entry.Article, Score(features), features));
        }

        ranked.Sort((a, b) => b.Score.CompareTo(a.Score));
        return ranked;
    }

    /// <summary>The weighted evidence of one candidate.</summary>
    public double Score(CandidateFeatures f)
    {
        var score = (options.SimilarityWeight * f.Similarity)
            + (options.LexicalWeight * f.Lexical)
            + (options.ArticleWeight * f.Article)
            + (options.CoverageWeight * f.Coverage)
            + (options.CueWeight * f.Cue)
            + (options.LeadWeight * f.Lead);
        return f.Fragment ? score * options.FragmentFactor : score;
    }

    /// <summary>How sure the engine is that the best candidate answers: a calibrated probability.</summary>
    public double Confidence(CandidateFeatures best, double margin, int unknownNames)
    {
        var z = options.ConfidenceBias
            + (options.ConfidenceUnknownName * Math.Min(unknownNames, 2))
            + (options.ConfidenceSimilarity * best.Similarity)
            + (options.ConfidenceCoverage * best.Coverage)
            + (options.ConfidenceArticle * best.Article)
            + (options.ConfidenceMargin * margin);
        return 1 / (1 + Math.Exp(-z));
    }
}
