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

        var (lexical, articles) = SentenceSearcher.SearchWithArticles(index, query, options.LexicalCandidates, options.CandidateArticles, ranking);
        var bestLexical = lexical.Count > 0 ? Math.Max(lexical[0].Score, 1e-9) : 1;
        var bestArticle = articles.Length > 0 ? Math.Max(articles[0].Score, 1e-9) : 1;
        var articleScore = articles.ToDictionary(a => a.Article, a => a.Score / bestArticle);

        var candidates = new Dictionary<int, SentenceHit?>();
        foreach (var hit in lexical)
        {
            candidates[hit.Sentence] = hit;
        }

        var candidateArticles = articles.Select(a => a.Article).ToList();
        foreach (var article in ClosestTitles(index, vectors, questionVector, options.MeaningArticles))
        {
            if (!candidateArticles.Contains(article))
            {
                candidateArticles.Add(article);
            }
        }

        foreach (var article in candidateArticles)
        {
            var (first, end) = index.SentenceRange(article);
            for (var id = first; id < Math.Min(end, first + options.SentencesPerArticle); id++)
            {
                candidates.TryAdd(id, null);
            }
        }

        var titleSlots = candidates.Keys.Select(id => EmbeddingText.TitleSlot(index, index.Sentence(id).Article)).Distinct();
        var missing = titleSlots.Concat(candidates.Keys.OrderByDescending(id => candidates[id]?.Score ?? 0))
            .Where(slot => !vectors.Has(slot))
            .ToArray();
        if (missing.Length > 0)
        {
            // Titles first (few, and they place every sentence), then sentences in lexical order, so a tight budget
            // goes to the likeliest answers.
            embeddings.EmbedNow(index, missing, options.OnDemandBudget, cancellationToken);
        }

        var ranked = new List<RankedSentence>(candidates.Count);
        foreach (var (id, hit) in candidates)
        {
            var entry = index.Sentence(id);
            var text = index.SentenceText(id);
            var similarity = vectors.Dot(id, questionVector);
            var features = new CandidateFeatures(
                Similarity: similarity ?? 0,
                TitleSimilarity: vectors.Dot(EmbeddingText.TitleSlot(index, entry.Article), questionVector) ?? 0,
                NeighbourSimilarity: Math.Max(Neighbour(index, vectors, questionVector, id, -1), Neighbour(index, vectors, questionVector, id, +1)),
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
            + (options.TitleSimilarityWeight * f.TitleSimilarity)
            + (options.NeighbourSimilarityWeight * f.NeighbourSimilarity)
            + (options.LexicalWeight * f.Lexical)
            + (options.ArticleWeight * f.Article)
            + (options.CoverageWeight * f.Coverage)
            + (options.CueWeight * f.Cue)
            + (options.LeadWeight * f.Lead);
        return f.Fragment ? score * options.FragmentFactor : score;
    }

    /// <summary>The articles whose titles are closest in meaning to the question (titles without vectors are skipped).</summary>
    private static IEnumerable<int> ClosestTitles(SearchIndex index, SentenceVectors vectors, float[] question, int count)
    {
        if (count <= 0)
        {
            return [];
        }

        var best = new TopK(count);
        for (var article = 0; article < index.Articles.Count; article++)
        {
            if (vectors.Dot(EmbeddingText.TitleSlot(index, article), question) is { } similarity)
            {
                best.Add(similarity, article);
            }
        }

        return best.Sorted().Select(x => x.Id);
    }

    private static double Neighbour(SearchIndex index, SentenceVectors vectors, float[] question, int sentence, int step)
    {
        var other = sentence + step;
        if (other < 0 || other >= index.SentenceCount)
        {
            return 0;
        }

        var a = index.Sentence(sentence);
        var b = index.Sentence(other);
        return a.Article == b.Article && a.Paragraph == b.Paragraph ? vectors.Dot(other, question) ?? 0 : 0;
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
