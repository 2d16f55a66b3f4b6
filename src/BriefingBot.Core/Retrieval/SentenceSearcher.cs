using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using BriefingBot.Core.Text;

namespace BriefingBot.Core.Retrieval;

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
            return Search(index, query, top, options, scratch);
        }
        finally
        {
            index.Return(scratch);
        }
    }

    private static SentenceHit[] Search(SearchIndex index, ParsedQuery query, int top, RankingOptions options, SearchScratch scratch)
    {
        var surfaces = query.Terms.Select(t => t.Surface).Distinct(StringComparer.Ordinal).Take(MaxSurfaces).ToArray();
        var surfaceIdf = surfaces.Select(s => query.Terms.Where(t => t.Surface == s).Max(t => t.Idf * t.Weight)).ToArray();
        var total = Math.Max(query.TotalIdf, 1e-9);

        ScoreTerms(index, query, surfaces, options, scratch);
        var bestArticle = 1e-9;
        foreach (var article in scratch.TouchedArticles)
        {
            bestArticle = Math.Max(bestArticle, scratch.Article[article]);
        }

        // First pass over every matching sentence: cheap arithmetic on flat arrays, keeping only the best few.
        var candidates = new TopK(Math.Max(options.Candidates, top));
        foreach (var id in scratch.TouchedSentences)
        {
            var entry = index.Sentences[id];
            var articleRelevance = scratch.Article[entry.Article] / bestArticle;
            var neighbour = Math.Max(NeighbourScore(index, scratch, id, -1), NeighbourScore(index, scratch, id, +1));
            var score = (scratch.Bm25[id] + (options.NeighbourWeight * neighbour))
                * (1 + (options.ArticleWeight * articleRelevance))
                * (1 + (options.LeadWeight / (1 + entry.Ordinal)));
            candidates.Add(score, id);
        }

        // Second pass on the few: proximity, coverage, answer-type cues need the sentence text.
        var reranked = new TopK(top);
        var hits = new Dictionary<int, SentenceHit>();
        foreach (var (candidateScore, sentence) in candidates.Sorted())
        {
            var entry = index.Sentences[sentence];
            var text = index.SentenceText(sentence);
            var score = candidateScore;
            if (StartsWithPronoun(text))
            {
                // "His goal was …" is about whoever the previous sentence named: borrow more of its match.
                score += options.PronounWeight * NeighbourScore(index, scratch, sentence, -1);
            }

            var own = scratch.Mask[sentence];
            var title = TitleMask(index, query, surfaces, entry.Article);
            var context = own | MaskOf(scratch, sentence - 1, index, entry) | MaskOf(scratch, sentence + 1, index, entry) | title;
            var coverage = Covered(own, surfaceIdf) / total;
            var contextCoverage = Covered(context, surfaceIdf) / total;

            var lift = (options.ProximityWeight * Proximity(index, text, query)) + (options.CoverageWeight * contextCoverage);
            lift += options.CueWeight * AnswerCues.Strength(query.Type, text);
            lift += options.ParagraphLeadWeight / (1 + PositionInParagraph(index, sentence));
            var subject = Math.Max(0, (Covered(title, surfaceIdf) / total) - options.SubjectShareFloor) / (1 - Math.Min(options.SubjectShareFloor, 0.99));
            lift += options.SubjectLeadWeight * subject / (1 + entry.Ordinal);

            score *= 1 + lift;
            if (!SentenceEnding.IsComplete(text))
            {
                // An image caption, a heading or a list entry: it names things but rarely states the answer.
                score *= options.FragmentFactor;
            }

            var hit = new SentenceHit(sentence, entry.Article, score, coverage, contextCoverage);
            hits[sentence] = hit;
            reranked.Add(hit.Score, sentence);
        }

        return reranked.Sorted().Select(r => hits[r.Id]).ToArray();
    }

    /// <summary>
    /// One pass over each query term's sentence postings fills both the sentence BM25 scores and the articles'
    /// BM25F relevance: an article's body frequency is the sum of its sentences' (sentences of an article are
    /// contiguous, so postings arrive grouped by article), and its title postings are merged in on the way.
    /// </summary>
    private static void ScoreTerms(SearchIndex index, ParsedQuery query, string[] surfaces, RankingOptions options, SearchScratch scratch)
    {
        var sentences = index.Sentences;
        var k1 = options.K1;

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
            var reader = postings.Read(term.TermId);
            if (anyRare && postings.Count(term.TermId) > options.CommonTermPostings)
            {
                // A common word only rescores sentences rarer words matched, and adds nothing to article relevance:
                // its article-level inverse frequency is near zero, and reading every one of its sentences' entries
                // for that would be most of the query's cost (see CommonTermPostings). For the same reason it is not
                // checked against titles: its share of a score is small, and the check would read every entry.
                while (reader.Next(out var id, out var tf))
                {
                    AddPosting(index, scratch, options, id, tf, weight, mask, common: true);
                }

                continue;
            }

            articles.StartTerm(term);

            // Postings arrive grouped by article. In an article whose title has the term, they are held back until
            // the article's end, when it is known whether the term names the article's subject (see SubjectFactor);
            // everywhere else they are scored at once.
            var titles = new TitleCursor(index.TitlePostings[term.TermId]);
            var run = scratch.ArticleRun;
            var current = -1;
            var holding = false;
            while (reader.Next(out var id, out var tf))
            {
                var article = sentences[id].Article;
                if (article != current)
                {
                    ScoreRun(index, scratch, options, run, weight * SubjectFactor(run.Count, options), mask);
                    current = article;
                    holding = titles.Contains(article);
                }

                if (holding)
                {
                    run.Add((id, tf));
                }
                else
                {
                    AddPosting(index, scratch, options, id, tf, weight, mask, common: false);
                }

                articles.Add(article, tf);
            }

            ScoreRun(index, scratch, options, run, weight * SubjectFactor(run.Count, options), mask);
            articles.EndTerm();
        }
    }

    /// <summary>
    /// A title term that also runs through the body is the article's subject: the article's relevance already counts
    /// it, and within the article it says little about which sentence holds the answer.
    /// </summary>
    private static double SubjectFactor(int sentencesWithTerm, RankingOptions options) =>
        sentencesWithTerm >= options.SubjectMentions ? options.TitleTermFactor : 1;

    /// <summary>Scores a held-back run of postings (one term, one article whose title has it) and empties it.</summary>
    private static void ScoreRun(SearchIndex index, SearchScratch scratch, RankingOptions options, List<(int Id, int Tf)> run, double weight, uint mask)
    {
        foreach (var (id, tf) in run)
        {
            AddPosting(index, scratch, options, id, tf, weight, mask, common: false);
        }

        run.Clear();
    }

    /// <summary>
    /// Adds one posting's BM25 share to its sentence. A common term (see <see cref="RankingOptions.CommonTermPostings"/>)
    /// only rescores sentences a rarer term already matched.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddPosting(SearchIndex index, SearchScratch scratch, RankingOptions options, int id, int tf, double weight, uint mask, bool common)
    {
        if (scratch.Bm25[id] == 0)
        {
            if (common)
            {
                return;
            }

            scratch.TouchedSentences.Add(id); // every contribution is positive, so zero means "not seen yet"
        }

        var norm = options.K1 * (1 - options.B + (options.B * index.Sentences[id].TermCount / index.AverageSentenceLength));
        scratch.Bm25[id] += (float)(weight * tf / (tf + norm));
        scratch.Mask[id] |= mask;
    }

    /// <summary>The best <paramref name="top"/> articles for the query with their relevance, best first.</summary>
    internal static (int Article, double Score)[] TopArticles(SearchIndex index, ParsedQuery query, int top, RankingOptions options)
    {
        var scratch = index.Rent();
        try
        {
            ScoreTerms(index, query, [], options, scratch);
            var best = new TopK(top);
            foreach (var article in scratch.TouchedArticles)
            {
                best.Add(scratch.Article[article], article);
            }

            return best.Sorted().Select(x => (x.Id, x.Score)).ToArray();
        }
        finally
        {
            index.Return(scratch);
        }
    }

    private static double NeighbourScore(SearchIndex index, SearchScratch scratch, int sentence, int step)
    {
        var neighbour = sentence + step;
        if (neighbour < 0 || neighbour >= index.SentenceCount || index.Sentences[neighbour].Article != index.Sentences[sentence].Article)
        {
            return 0;
        }

        return scratch.Bm25[neighbour];
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

    private static bool StartsWithPronoun(string sentence)
    {
        var end = 0;
        while (end < sentence.Length && char.IsLetter(sentence[end]))
        {
            end++;
        }

        return Pronouns.Contains(sentence[..end]);
    }

    /// <summary>The query terms a neighbouring sentence matches, when it stands in the same paragraph.</summary>
    private static uint MaskOf(SearchScratch scratch, int sentence, SearchIndex index, SentenceEntry of) =>
        sentence >= 0 && sentence < index.SentenceCount && index.Sentences[sentence].Article == of.Article
            && index.Sentences[sentence].Paragraph == of.Paragraph
            ? scratch.Mask[sentence]
            : 0;

    private static uint TitleMask(SearchIndex index, ParsedQuery query, string[] surfaces, int article)
    {
        uint mask = 0;
        foreach (var term in query.Terms)
        {
            if (index.TitlePostings[term.TermId].Ids.BinarySearch(article) >= 0)
            {
                var bit = Array.IndexOf(surfaces, term.Surface);
                mask |= bit >= 0 ? 1u << bit : 0;
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

    /// <summary>How tightly the distinct query terms cluster in the sentence: 0 for one or none, up to 1 when adjacent.</summary>
    /// <remarks>
    /// Reads the sentence with the tokenizer and the index's own surface-form table (folded word → term id) instead
    /// of re-analysing it: every word of an indexed sentence is in that table, and skipping the stemmer here took
    /// about a millisecond off every question (64 candidates × ~30 words).
    /// </remarks>
    private static double Proximity(SearchIndex index, string sentence, ParsedQuery query)
    {
        var wanted = new HashSet<int>();
        foreach (var term in query.Terms)
        {
            wanted.Add(term.TermId);
        }

        var surfaces = index.SurfaceForms.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[Tokenizer.MaxTokenLength];
        var positions = new List<(int Position, int Stem)>();
        var position = 0;
        var at = 0;
        while (Tokenizer.TryReadToken(sentence, ref at, buffer, out _, out _, out var length))
        {
            var folded = buffer[..length];
            if (StopWords.Contains(folded))
            {
                continue;
            }

            if (surfaces.TryGetValue(folded, out var id) && wanted.Contains(id))
            {
                positions.Add((position, id));
            }

            position++;
        }

        var distinct = positions.Select(p => p.Stem).Distinct().Count();
        if (distinct < 2)
        {
            return 0;
        }

        var best = int.MaxValue;
        var counts = new Dictionary<int, int>();
        var covered = 0;
        var left = 0;
        for (var right = 0; right < positions.Count; right++)
        {
            if (counts.GetValueOrDefault(positions[right].Stem) == 0)
            {
                covered++;
            }

            counts[positions[right].Stem] = counts.GetValueOrDefault(positions[right].Stem) + 1;
            while (covered == distinct)
            {
                best = Math.Min(best, positions[right].Position - positions[left].Position + 1);
                var stem = positions[left].Stem;
                counts[stem]--;
                if (counts[stem] == 0)
                {
                    covered--;
                }

                left++;
            }
        }

        return (distinct - 1.0) / Math.Max(1, best - 1);
    }
}
