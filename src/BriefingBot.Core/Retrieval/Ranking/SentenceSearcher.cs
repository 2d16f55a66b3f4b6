using System.Collections.Frozen;
using System.Runtime.InteropServices;
using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Core.Retrieval.Query;

namespace BriefingBot.Core.Retrieval.Ranking;

/// <summary>
/// Ranks sentences for a query: BM25 over sentences, lifted by the article's own relevance (title and body), by
/// matching neighbours, by position in the article; then the best candidates are re-ranked on term proximity and on
/// whether they can hold the kind of answer asked for.
/// </summary>
public static class SentenceSearcher
{
    // One mask bit per distinct typed word; questions have far fewer content words than this.
    private const int MaxSurfaces = 32;

    private static readonly FrozenSet<string> Pronouns =
        new[] { "He", "She", "His", "Her", "They", "Their", "It", "Its", "This", "These", "Those" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PronounLookup = Pronouns.GetAlternateLookup<ReadOnlySpan<char>>();

    public static IReadOnlyList<SentenceHit> Search(SearchIndex index, ParsedQuery query, int top, RankingOptions? options = null)
    {
        options ??= RankingOptions.Default;
        if (query.IsEmpty || index.SentenceCount == 0 || top <= 0)
        {
            return [];
        }

        var scratch = index.Rent();
        try
        {
            return Search(index, query, top, options, scratch, Surfaces(query));
        }
        finally
        {
            index.Return(scratch);
        }
    }

    /// <summary>
    /// The best <paramref name="top"/> sentences and the best <paramref name="topArticles"/> articles with their
    /// relevance, from one scoring pass: the same as <see cref="Search(SearchIndex, ParsedQuery, int, RankingOptions?)"/>
    /// and <see cref="TopArticles"/> called one after the other, for half the postings read.
    /// </summary>
    public static LexicalResult SearchWithArticles(SearchIndex index, ParsedQuery query, int top, int topArticles, RankingOptions? options = null)
    {
        options ??= RankingOptions.Default;
        if (query.IsEmpty)
        {
            return new LexicalResult([], []);
        }

        var scratch = index.Rent();
        try
        {
            var surfaces = Surfaces(query);
            ScoreTerms(index, query, surfaces, options, scratch);
            var articles = BestArticles(scratch, topArticles);
            IReadOnlyList<SentenceHit> sentences = index.SentenceCount == 0 || top <= 0
                ? []
                : Rank(index, query, top, options, scratch, surfaces);
            return new LexicalResult(sentences, articles);
        }
        finally
        {
            index.Return(scratch);
        }
    }

    /// <summary>
    /// The lexical first stage alone: the <paramref name="count"/> sentences the rerank would read, by BM25 lifted by
    /// a matching neighbour, the article's relevance and the sentence's position, best first: the same scoring and
    /// first pass every ranking path runs before reading any sentence text, without the re-rank.
    /// </summary>
    internal static (double Score, int Sentence)[] Candidates(SearchIndex index, ParsedQuery query, int count, RankingOptions? options = null)
    {
        options ??= RankingOptions.Default;
        if (query.IsEmpty || index.SentenceCount == 0 || count <= 0)
        {
            return [];
        }

        var scratch = index.Rent();
        try
        {
            ScoreTerms(index, query, Surfaces(query), options, scratch);
            return FirstPass(index, count, options, scratch);
        }
        finally
        {
            index.Return(scratch);
        }
    }

    private static SentenceHit[] Search(SearchIndex index, ParsedQuery query, int top, RankingOptions options, SearchScratch scratch, string[] surfaces)
    {
        ScoreTerms(index, query, surfaces, options, scratch);
        return Rank(index, query, top, options, scratch, surfaces);
    }

    /// <summary>The distinct typed words of the query, in order, one mask bit each.</summary>
    private static string[] Surfaces(ParsedQuery query)
    {
        var surfaces = new List<string>(Math.Min(query.Terms.Count, MaxSurfaces));
        foreach (var term in query.Terms)
        {
            if (surfaces.Count < MaxSurfaces && !surfaces.Contains(term.Surface, StringComparer.Ordinal))
            {
                surfaces.Add(term.Surface);
            }
        }

        return [.. surfaces];
    }

    /// <summary>Each term's mask bit (0 for a surface past <see cref="MaxSurfaces"/>), in query order.</summary>
    private static uint[] TermBits(ParsedQuery query, string[] surfaces)
    {
        var bits = new uint[query.Terms.Count];
        for (var i = 0; i < bits.Length; i++)
        {
            var bit = Array.IndexOf(surfaces, query.Terms[i].Surface);
            bits[i] = bit >= 0 ? 1u << bit : 0;
        }

        return bits;
    }

    /// <summary>Ranks the sentences <see cref="ScoreTerms"/> left in <paramref name="scratch"/>.</summary>
    private static SentenceHit[] Rank(SearchIndex index, ParsedQuery query, int top, RankingOptions options, SearchScratch scratch, string[] surfaces)
    {
        var surfaceIdf = new double[surfaces.Length];
        for (var i = 0; i < surfaces.Length; i++)
        {
            var max = double.MinValue;
            foreach (var term in query.Terms)
            {
                if (term.Surface == surfaces[i])
                {
                    max = Math.Max(max, term.Idf * term.Weight);
                }
            }

            surfaceIdf[i] = max;
        }

        var total = Math.Max(query.TotalIdf, 1e-9);
        var sentences = index.Sentences;

        // Second pass on the few: proximity, coverage, answer-type cues need the sentence text.
        var termBits = TermBits(query, surfaces);
        var proximity = new ProximityScanner(index, query);
        var sorted = FirstPass(index, Math.Max(options.Candidates, top), options, scratch);
        var parts = new RerankParts[sorted.Length];
        for (var c = 0; c < sorted.Length; c++)
        {
            var (candidateScore, sentence) = sorted[c];
            var entry = sentences[sentence];
            var text = index.SentenceSpan(sentence);
            var score = candidateScore;
            if (StartsWithPronoun(text))
            {
                // "His goal was …" is about whoever the previous sentence named: borrow more of its match.
                score += options.PronounWeight * NeighbourScore(index, scratch, sentence, -1);
            }

            var own = scratch.Scores[sentence].Mask;
            var title = TitleMask(index, query, termBits, entry.Article);
            var context = own | MaskOf(scratch, sentence - 1, index, entry) | MaskOf(scratch, sentence + 1, index, entry) | title;
            var coverage = Covered(own, surfaceIdf) / total;
            var contextCoverage = Covered(context, surfaceIdf) / total;
            var subject = Math.Max(0, (Covered(title, surfaceIdf) / total) - options.SubjectShareFloor) / (1 - Math.Min(options.SubjectShareFloor, 0.99));
            parts[c] = new RerankParts(
                sentence,
                entry.Article,
                score,
                coverage,
                contextCoverage,
                options.CoverageWeight * contextCoverage,
                options.CueWeight * AnswerCues.Strength(query.Type, text),
                options.ParagraphLeadWeight / (1 + PositionInParagraph(index, sentence)),
                options.SubjectLeadWeight * subject / (1 + entry.Ordinal),
                !SentenceEnding.IsComplete(text));
        }

        // Proximity (reading every word of the sentence) was most of the rerank's cost. Its share of the score is
        // bounded (0 to 1 before its weight) and the score grows with it, so a candidate whose score with full
        // proximity stays below the top-th score without any cannot make the cut: it is skipped unread.
        var floor = double.NegativeInfinity;
        if (parts.Length > top && options.ProximityWeight >= 0 && options.FragmentFactor >= 0 && parts.All(x => x.Base >= 0))
        {
            var lower = new TopK(top);
            foreach (var part in parts)
            {
                lower.Add(part.Score(0, options), part.Sentence);
            }

            floor = lower.Sorted()[^1].Score;
        }

        var hits = new SentenceHit[sorted.Length];
        var reranked = new TopK(top);
        for (var c = 0; c < parts.Length; c++)
        {
            var part = parts[c];
            if (part.Score(1, options) < floor)
            {
                continue;
            }

            var score = part.Score(proximity.Score(index.SentenceSpan(part.Sentence)), options);
            hits[c] = new SentenceHit(part.Sentence, part.Article, score, part.Coverage, part.ContextCoverage);
            reranked.Add(score, part.Sentence);
        }

        var best = reranked.Sorted();
        var result = new SentenceHit[best.Length];
        for (var i = 0; i < best.Length; i++)
        {
            result[i] = Array.Find(hits, h => h is not null && h.Sentence == best[i].Id)!;
        }

        return result;
    }

    /// <summary>
    /// The first pass over every matching sentence <see cref="ScoreTerms"/> left in <paramref name="scratch"/>: cheap
    /// arithmetic on flat arrays (BM25 lifted by a matching neighbour, the article's relevance and the sentence's
    /// position), keeping the best <paramref name="count"/>, best first.
    /// </summary>
    private static (double Score, int Sentence)[] FirstPass(SearchIndex index, int count, RankingOptions options, SearchScratch scratch)
    {
        var bestArticle = 1e-9;
        foreach (var article in scratch.TouchedArticles)
        {
            bestArticle = Math.Max(bestArticle, scratch.Article[article]);
        }

        var sentences = index.Sentences;
        var scores = scratch.Scores;
        var articleScores = scratch.Article;
        var candidates = new TopK(count);
        var touched = CollectionsMarshal.AsSpan(scratch.TouchedSentences);

        // A bound on a sentence's score from the BM25 of it and its neighbours (with the most relevant article and the
        // first position): most matching sentences match one word, and their bound falls below the heap's threshold,
        // so their entry and article are not read. Rounding is monotonic, so the bound is never below the score: the
        // kept candidates are exactly those of the full pass. Every factor of the score is at least 1, so a sentence
        // scores at least its BM25, and the count-th best BM25 is a threshold before the heap has filled.
        var bounded = options.NeighbourWeight >= 0 && options.ArticleWeight >= 0 && options.LeadWeight >= 0;
        var neighbourWeight = options.NeighbourWeight;
        var articleBound = 1 + (options.ArticleWeight * 1.0);
        var leadBound = 1 + (options.LeadWeight / 1);
        var threshold = bounded ? Bm25Floor.KthLargest(scores, touched, count) : double.NegativeInfinity;
        foreach (var id in touched)
        {
            if (bounded)
            {
                // The neighbours' BM25 without the same-article check is at least the neighbour term the score uses;
                // multiplied in the score's own order, as a different order could round below it.
                var nearby = Math.Max(id > 0 ? scores[id - 1].Bm25 : 0, id + 1 < scores.Length ? scores[id + 1].Bm25 : 0);
                if ((scores[id].Bm25 + (neighbourWeight * (double)nearby)) * articleBound * leadBound < threshold)
                {
                    continue;
                }
            }

            var entry = sentences[id];
            var articleRelevance = articleScores[entry.Article] / bestArticle;
            var before = id > 0 && sentences[id - 1].Article == entry.Article ? scores[id - 1].Bm25 : 0;
            var after = id + 1 < sentences.Length && sentences[id + 1].Article == entry.Article ? scores[id + 1].Bm25 : 0;
            var neighbour = (double)Math.Max(before, after);
            var score = (scores[id].Bm25 + (neighbourWeight * neighbour))
                * (1 + (options.ArticleWeight * articleRelevance))
                * (1 + (options.LeadWeight / (1 + entry.Ordinal)));
            candidates.Add(score, id);
            threshold = Math.Max(threshold, candidates.Threshold);
        }

        return candidates.Sorted();
    }

    /// <summary>
    /// One pass over each query term's sentence postings fills both the sentence BM25 scores and the articles'
    /// BM25F relevance: an article's body frequency is the sum of its sentences' (sentences of an article are
    /// contiguous, so postings arrive grouped by article), and its title postings are merged in on the way.
    /// </summary>
    private static void ScoreTerms(SearchIndex index, ParsedQuery query, string[] surfaces, RankingOptions options, SearchScratch scratch)
    {
        var k1 = options.K1;
        var sink = new PostingSink(index, scratch, options);

        // Rarest terms first, so by the time a common term comes the candidates of the rare ones are all in place.
        var postings = index.SentencePostings;
        var terms = query.Terms.OrderBy(t => postings.Count(t.TermId)).ToArray();
        var anyRare = terms.Length > 0 && postings.Count(terms[0].TermId) <= options.CommonTermPostings;
        var articles = new ArticleAccumulator(index, options, scratch);
        foreach (var term in terms)
        {
            var bit = Array.IndexOf(surfaces, term.Surface);
            var mask = bit >= 0 ? 1u << bit : 0;
            var weight = term.Weight * term.Idf * (k1 + 1);
            if (anyRare && postings.Count(term.TermId) > options.CommonTermPostings)
            {
                // A common word only rescores sentences rarer words matched, and adds nothing to article relevance:
                // its article-level inverse frequency is near zero, and reading every one of its sentences' entries
                // for that would be most of the query's cost (see CommonTermPostings). For the same reason it is not
                // checked against titles: its share of a score is small, and the check would read every entry.
                var reader = postings.Read(term.TermId);
                while (reader.Next(out var id, out var tf))
                {
                    sink.Rescore(id, tf, weight, mask);
                }

                continue;
            }

            ScoreTerm(index, scratch, ref sink, ref articles, term, weight, mask, options);
        }
    }

    /// <summary>
    /// One term's postings, for a term rare enough to count for the articles too: each sentence's BM25 share, and each
    /// article's body frequency for its BM25F. A method of its own because, inlined into the query's loop, the posting
    /// loop ran out of registers and spilled on every posting.
    /// </summary>
    private static void ScoreTerm(
        SearchIndex index, SearchScratch scratch, ref PostingSink sink, ref ArticleAccumulator articles, QueryTerm term, double weight, uint mask, RankingOptions options)
    {
        var sentences = index.Sentences;
        var firstSentence = index.FirstSentence;
        var reader = index.SentencePostings.Read(term.TermId);
        sink.Reserve(index.SentencePostings.Count(term.TermId));
        articles.StartTerm(term);

        // Postings arrive grouped by article. In an article whose title has the term, they are held back until the
        // article's end, when it is known whether the term names the article's subject (see SubjectFactor);
        // everywhere else they are scored at once.
        var run = scratch.ArticleRun;
        var current = -1;
        var end = 0;
        var frequency = 0;
        var holding = false;
        while (reader.Next(out var id, out var tf))
        {
            if (id >= end)
            {
                // Sentences of an article are contiguous, so the article changes only past the current one's end.
                if (current >= 0)
                {
                    articles.End(current, frequency);
                    frequency = 0;
                    if (run.Count > 0)
                    {
                        ScoreRun(ref sink, run, weight * SubjectFactor(run.Count, options), mask);
                    }
                }

                current = sentences[id].Article;
                end = firstSentence[current + 1];
                holding = articles.Begin(current);
            }

            if (holding)
            {
                run.Add((id, tf));
            }
            else
            {
                sink.Add(id, tf, weight, mask);
            }

            frequency += tf;
        }

        if (current >= 0)
        {
            articles.End(current, frequency);
            if (run.Count > 0)
            {
                ScoreRun(ref sink, run, weight * SubjectFactor(run.Count, options), mask);
            }
        }

        articles.EndTerm();
        sink.Commit();
    }

    /// <summary>
    /// A title term that also runs through the body is the article's subject: the article's relevance already counts
    /// it, and within the article it says little about which sentence holds the answer.
    /// </summary>
    private static double SubjectFactor(int sentencesWithTerm, RankingOptions options) =>
        sentencesWithTerm >= options.SubjectMentions ? options.TitleTermFactor : 1;

    /// <summary>Scores a held-back run of postings (one term, one article whose title has it) and empties it.</summary>
    private static void ScoreRun(scoped ref PostingSink sink, List<(int Id, int Tf)> run, double weight, uint mask)
    {
        foreach (var (id, tf) in run)
        {
            sink.Add(id, tf, weight, mask);
        }

        run.Clear();
    }

    /// <summary>The best <paramref name="top"/> articles for the query with their relevance, best first.</summary>
    internal static (int Article, double Score)[] TopArticles(SearchIndex index, ParsedQuery query, int top, RankingOptions options)
    {
        var scratch = index.Rent();
        try
        {
            ScoreTerms(index, query, [], options, scratch);
            return BestArticles(scratch, top);
        }
        finally
        {
            index.Return(scratch);
        }
    }

    private static (int Article, double Score)[] BestArticles(SearchScratch scratch, int top)
    {
        var best = new TopK(top);
        foreach (var article in scratch.TouchedArticles)
        {
            best.Add(scratch.Article[article], article);
        }

        var sorted = best.Sorted();
        var result = new (int Article, double Score)[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            result[i] = (sorted[i].Id, sorted[i].Score);
        }

        return result;
    }

    private static double NeighbourScore(SearchIndex index, SearchScratch scratch, int sentence, int step)
    {
        var neighbour = sentence + step;
        if (neighbour < 0 || neighbour >= index.SentenceCount || index.Sentences[neighbour].Article != index.Sentences[sentence].Article)
        {
            return 0;
        }

        return scratch.Scores[neighbour].Bm25;
    }

    private static int PositionInParagraph(SearchIndex index, int sentence)
    {
        var entry = index.Sentences[sentence];
        var position = 0;
        for (var previous = sentence - 1; previous >= 0; previous--)
        {
            var other = index.Sentences[previous];
            if (other.Article != entry.Article || other.Paragraph != entry.Paragraph)
            {
                break;
            }

            position++;
        }

        return position;
    }

    private static bool StartsWithPronoun(ReadOnlySpan<char> sentence)
    {
        var end = 0;
        while (end < sentence.Length && char.IsLetter(sentence[end]))
        {
            end++;
        }

        return PronounLookup.Contains(sentence[..end]);
    }

    /// <summary>The query terms a neighbouring sentence matches, when it stands in the same paragraph.</summary>
    private static uint MaskOf(SearchScratch scratch, int sentence, SearchIndex index, SentenceEntry of) =>
        sentence >= 0 && sentence < index.SentenceCount && index.Sentences[sentence].Article == of.Article
            && index.Sentences[sentence].Paragraph == of.Paragraph
            ? scratch.Scores[sentence].Mask
            : 0;

    private static uint TitleMask(SearchIndex index, ParsedQuery query, uint[] termBits, int article)
    {
        uint mask = 0;
        for (var i = 0; i < termBits.Length; i++)
        {
            if ((mask & termBits[i]) != termBits[i] && index.TitlePostings[query.Terms[i].TermId].Ids.BinarySearch(article) >= 0)
            {
                mask |= termBits[i];
            }
        }

        return mask;
    }

    private static double Covered(uint mask, double[] surfaceIdf)
    {
        var sum = 0.0;
        for (var i = 0; i < surfaceIdf.Length; i++)
        {
            if ((mask & (1u << i)) != 0)
            {
                sum += surfaceIdf[i];
            }
        }

        return sum;
    }

    /// <summary>Everything a candidate's reranked score needs except its proximity.</summary>
    private readonly record struct RerankParts(
        int Sentence, int Article, double Base, double Coverage, double ContextCoverage, double CoverageLift, double CueLift, double ParagraphLift, double SubjectLift, bool Fragment)
    {
        /// <summary>The reranked score for a given proximity, summed in the order the single-pass rerank used.</summary>
        public double Score(double proximity, RankingOptions options)
        {
            var lift = (options.ProximityWeight * proximity) + CoverageLift;
            lift += CueLift;
            lift += ParagraphLift;
            lift += SubjectLift;
            var score = Base * (1 + lift);
            return Fragment ? score * options.FragmentFactor : score;
        }
    }
}
