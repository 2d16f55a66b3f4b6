using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Core.Retrieval.Query;
using BriefingBot.Core.Retrieval.Ranking;
using BriefingBot.Core.Text;

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
        if (!embeddings.IsAvailable || index.SentenceCount == 0 || embeddings.VectorsFor(index) is not { } vectors)
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

        if (embeddings.EmbedQuery(question, cancellationToken) is not { } questionVector)
        {
            return null;
        }

        foreach (var article in EmbeddingText.ClosestTitles(index, vectors, questionVector, options.MeaningArticles))
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

        // The detail question asks what the question asks minus the story it names: its vector is the question's with
        // the component along the best article's title removed. That needs no second model run, and ranks and
        // declines as well as encoding the question's words without the title's did (docs/ranking.md).
        var details = DetailQuestions(index, question, candidateArticles.Take(options.DetailArticles));
        var detailStems = details.ToDictionary(d => d.Article, d => d.Stems);
        var detailVectors = new Dictionary<int, float[]>();
        foreach (var (article, _) in details)
        {
            if (WithoutTitle(vectors, EmbeddingText.TitleSlot(index, article), questionVector) is { } detail)
            {
                detailVectors[article] = detail;
            }
        }

        var features = new List<(int Sentence, int Article, CandidateFeatures Features)>(candidates.Count);
        foreach (var (id, hit) in candidates)
        {
            var entry = index.Sentence(id);
            var text = index.SentenceText(id);
            var similarity = vectors.Dot(id, questionVector);
            var detail = detailVectors.TryGetValue(entry.Article, out var detailVector) ? vectors.Dot(id, detailVector) : similarity;
            features.Add((id, entry.Article, new CandidateFeatures(
                Similarity: similarity ?? 0,
                DetailSimilarity: detail ?? 0,
                DetailCoverage: detailStems.TryGetValue(entry.Article, out var stems) ? Covered(stems, text) : 0,
                TitleSimilarity: vectors.Dot(EmbeddingText.TitleSlot(index, entry.Article), questionVector) ?? 0,
                NeighbourSimilarity: Math.Max(Neighbour(index, vectors, questionVector, id, -1), Neighbour(index, vectors, questionVector, id, +1)),
                Lexical: hit is null ? 0 : hit.Score / bestLexical,
                Article: articleScore.GetValueOrDefault(entry.Article),
                Coverage: hit?.Coverage ?? 0,
                ContextCoverage: hit?.ContextCoverage ?? 0,
                Cue: AnswerCues.Strength(query.Type, text),
                NovelCue: AnswerCues.Novel(query.Type, text, question),
                Lead: 1.0 / (1 + entry.Ordinal),
                Fragment: !SentenceEnding.IsComplete(text),
                HasVector: similarity is not null)));
        }

        // In-article comparisons: how a sentence stands against the other sentences of its own story.
        var ranked = new List<RankedSentence>(features.Count);
        foreach (var group in features.GroupBy(f => f.Article))
        {
            var similarities = group.Select(f => f.Features.Similarity).OrderDescending().ToArray();
            var lexicals = group.Select(f => f.Features.Lexical).OrderDescending().ToArray();
            foreach (var (id, article, f) in group)
            {
                var inArticle = new InArticle(
                    f.Similarity - similarities[0],
                    1.0 / (1 + Array.IndexOf(similarities, f.Similarity)),
                    f.Lexical > 0 ? 1.0 / (1 + Array.IndexOf(lexicals, f.Lexical)) : 0);
                ranked.Add(new RankedSentence(id, article, Score(f, inArticle), f));
            }
        }

        ranked.Sort((a, b) => b.Score.CompareTo(a.Score));
        return ranked;
    }

    /// <summary>The weighted evidence of one candidate.</summary>
    private double Score(CandidateFeatures f, InArticle inArticle)
    {
        var w = options.Weights;
        var top = f.Article >= 1 ? 1 : 0;
        return (w.Similarity * f.Similarity)
            + (w.SimilaritySquared * f.Similarity * f.Similarity)
            + (w.SimilarityGap * inArticle.SimilarityGap)
            + (w.SimilarityRank * inArticle.SimilarityRank)
            + (w.DetailSimilarity * f.DetailSimilarity)
            + (w.DetailCoverage * f.DetailCoverage)
            + (w.TitleSimilarity * f.TitleSimilarity)
            + (w.NeighbourSimilarity * f.NeighbourSimilarity)
            + (w.Lexical * f.Lexical)
            + (w.LexicalRank * inArticle.LexicalRank)
            + (w.Article * f.Article)
            + (w.TopArticle * top)
            + (w.Coverage * f.Coverage)
            + (w.ContextCoverage * f.ContextCoverage)
            + (w.Cue * f.Cue)
            + (w.NovelCue * f.NovelCue)
            + (w.ArticleTimesNovelCue * f.Article * f.NovelCue)
            + (w.Lead * f.Lead)
            + (w.Fragment * (f.Fragment ? 1 : 0))
            + (w.ArticleTimesSimilarity * f.Article * f.Similarity)
            + (w.CueTimesSimilarity * f.Cue * f.Similarity)
            + (w.ArticleTimesDetailSimilarity * f.Article * f.DetailSimilarity)
            + (w.ArticleTimesDetailCoverage * f.Article * f.DetailCoverage);
    }

    /// <summary>How likely <paramref name="candidate"/> is the sentence that answers: the confidence users see.</summary>
    /// <param name="candidate">The candidate to judge.</param>
    /// <param name="margin">Its score minus that of the best candidate from any other article.</param>
    /// <param name="question">What the question's candidates say as a whole.</param>
    public double Confidence(RankedSentence candidate, double margin, QuestionEvidence question) =>
        Probability(options.Confidence, candidate, margin, question);

    /// <summary>
    /// How likely the collection answers the question at all, judged from its best candidate: the engine declines
    /// below <see cref="Answers.AnswerOptions.AnswerabilityThreshold"/>.
    /// </summary>
    /// <inheritdoc cref="Confidence" path="/param"/>
    public double Answerability(RankedSentence candidate, double margin, QuestionEvidence question) =>
        Probability(options.Answerability, candidate, margin, question);

    private static double Probability(ConfidenceWeights c, RankedSentence candidate, double margin, QuestionEvidence question)
    {
        var f = candidate.Features;
        var z = c.Bias
            + (c.Score * candidate.Score)
            + (c.Margin * margin)
            + (c.Similarity * f.Similarity)
            + (c.DetailSimilarity * f.DetailSimilarity)
            + (c.TitleSimilarity * f.TitleSimilarity)
            + (c.Lexical * f.Lexical)
            + (c.Coverage * f.Coverage)
            + (c.DetailCoverage * f.DetailCoverage)
            + (c.NovelCue * f.NovelCue)
            + (c.BestSimilarity * question.BestSimilarity)
            + (c.BestDetailSimilarity * question.BestDetailSimilarity)
            + (c.UnknownNames * Math.Min(question.UnknownNames, 2))
            + (c.UnknownWords * Math.Min(question.UnknownWords, 2));
        return 1 / (1 + Math.Exp(-z));
    }

    private readonly record struct InArticle(double SimilarityGap, double SimilarityRank, double LexicalRank);

    /// <summary>
    /// For each article whose title the question names, the question's other content words (when it has some): what
    /// the question asks about the story rather than which story it is.
    /// </summary>
    private static List<(int Article, HashSet<string> Stems)> DetailQuestions(SearchIndex index, string question, IEnumerable<int> articles)
    {
        var terms = TextAnalyzer.Analyze(question);
        var details = new List<(int Article, HashSet<string> Stems)>();
        foreach (var article in articles)
        {
            var title = TextAnalyzer.Analyze(index.Articles[article].Title).Where(t => !t.IsStopWord).Select(t => t.Stem).ToHashSet(StringComparer.Ordinal);
            var kept = terms.Where(t => t.IsStopWord || !title.Contains(t.Stem)).ToArray();
            if (kept.Length == terms.Count || kept.All(t => t.IsStopWord))
            {
                continue;
            }

            details.Add((article, kept.Where(t => !t.IsStopWord).Select(t => t.Stem).ToHashSet(StringComparer.Ordinal)));
        }

        return details;
    }

    /// <summary>The question's vector without its component along the title's (unit length); null when the title has no vector yet.</summary>
    private static float[]? WithoutTitle(SentenceVectors vectors, int titleSlot, float[] question)
    {
        var title = new float[question.Length];
        if (!vectors.AddTo(titleSlot, title))
        {
            return null;
        }

        var norm = MathF.Sqrt(title.Sum(x => x * x));
        var along = 0f;
        for (var i = 0; i < title.Length; i++)
        {
            title[i] /= norm;
            along += title[i] * question[i];
        }


        var detail = new float[question.Length];
        for (var i = 0; i < detail.Length; i++)
        {
            detail[i] = question[i] - (along * title[i]);
        }

        var length = MathF.Sqrt(detail.Sum(x => x * x));
        if (length < 1e-6f)
        {
            return null; // the question says nothing but its title: no detail to ask about
        }

        for (var i = 0; i < detail.Length; i++)
        {
            detail[i] /= length;
        }

        return detail;
    }

    private static double Covered(HashSet<string> stems, string sentence)
    {
        if (stems.Count == 0)
        {
            return 0;
        }

        var found = TextAnalyzer.Analyze(sentence).Where(t => stems.Contains(t.Stem)).Select(t => t.Stem).Distinct(StringComparer.Ordinal).Count();
        return (double)found / stems.Count;
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

}
