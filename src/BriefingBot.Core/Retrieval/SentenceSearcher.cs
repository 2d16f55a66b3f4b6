using System.Collections.Frozen;
using System.Runtime.InteropServices;
using BriefingBot.Core.Text;

namespace BriefingBot.Core.Retrieval;

/// <summary>
/// Ranks sentences for a query: BM25 over sentences, lifted by the article's own relevance (title and body), by
/// matching neighbours, by position in the article; then the best candidates are re-ranked on term proximity and on
/// whether they can hold the kind of answer asked for.
/// </summary>
public static class SentenceSearcher
{
    private const double ArticleK1 = 1.2;
    private const double ArticleB = 0.75;

    private static readonly FrozenSet<string> Pronouns =
        new[] { "He", "She", "His", "Her", "They", "Their", "It", "Its", "This", "These", "Those" }.ToFrozenSet(StringComparer.Ordinal);

    public static IReadOnlyList<SentenceHit> Search(SearchIndex index, ParsedQuery query, int top, RankingOptions? options = null)
    {
        options ??= RankingOptions.Default;
        if (query.IsEmpty || index.SentenceCount == 0 || top <= 0)
        {
            return [];
        }

        var surfaces = query.Terms.Select(t => t.Surface).Distinct(StringComparer.Ordinal).Take(64).ToArray();
        var surfaceIdf = surfaces.Select(s => query.Terms.Where(t => t.Surface == s).Max(t => t.Idf * t.Weight)).ToArray();
        var total = Math.Max(query.TotalIdf, 1e-9);

        var sentences = ScoreSentences(index, query, surfaces, options);
        var articles = ScoreArticles(index, query, options);
        var bestArticle = articles.Count == 0 ? 1 : Math.Max(articles.Values.Max(), 1e-9);

        var candidates = new List<(int Sentence, double Score)>(sentences.Count);
        foreach (var (id, acc) in sentences)
        {
            var entry = index.Sentences[id];
            var articleRelevance = articles.GetValueOrDefault(entry.Article) / bestArticle;
            var neighbour = Math.Max(NeighbourScore(index, sentences, id, -1), NeighbourScore(index, sentences, id, +1));
            var score = (acc.Bm25 + (options.NeighbourWeight * neighbour))
                * (1 + (options.ArticleWeight * articleRelevance))
                * (1 + (options.LeadWeight / (1 + entry.Ordinal)));
            candidates.Add((id, score));
        }

        var reranked = candidates
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Sentence)
            .Take(Math.Max(options.Candidates, top))
            .Select(c =>
            {
                var entry = index.Sentences[c.Sentence];
                var text = index.SentenceText(c.Sentence);
                var score = c.Score;
                if (StartsWithPronoun(text))
                {
                    // "His goal was …" is about whoever the previous sentence named: borrow more of its match.
                    score += options.PronounWeight * NeighbourScore(index, sentences, c.Sentence, -1);
                }

                var own = sentences[c.Sentence].Mask;
                var context = own | MaskOf(sentences, c.Sentence - 1, index, entry) | MaskOf(sentences, c.Sentence + 1, index, entry)
                    | TitleMask(index, query, surfaces, entry.Article);
                var coverage = Covered(own, surfaceIdf) / total;
                var contextCoverage = Covered(context, surfaceIdf) / total;

                var lift = (options.ProximityWeight * Proximity(text, query)) + (options.CoverageWeight * contextCoverage);
                if (AnswerCues.Has(query.Type, text))
                {
                    lift += options.CueWeight;
                }

                return new SentenceHit(c.Sentence, entry.Article, score * (1 + lift), coverage, contextCoverage);
            })
            .OrderByDescending(h => h.Score)
            .ThenBy(h => h.Sentence)
            .Take(top)
            .ToArray();

        return reranked;
    }

    private static Dictionary<int, Accumulator> ScoreSentences(SearchIndex index, ParsedQuery query, string[] surfaces, RankingOptions options)
    {
        var scores = new Dictionary<int, Accumulator>();
        var avg = index.AverageSentenceLength;
        foreach (var term in query.Terms)
        {
            var bit = Array.IndexOf(surfaces, term.Surface);
            var mask = bit >= 0 ? 1UL << bit : 0;
            var postings = index.SentencePostings[term.TermId];
            var ids = postings.Ids;
            var tfs = postings.Frequencies;
            var weight = term.Weight * term.Idf;
            for (var i = 0; i < ids.Length; i++)
            {
                var tf = tfs[i];
                var length = index.Sentences[ids[i]].TermCount;
                var norm = options.K1 * (1 - options.B + (options.B * length / avg));
                ref var acc = ref CollectionsMarshal.GetValueRefOrAddDefault(scores, ids[i], out _);
                acc.Bm25 += weight * tf * (options.K1 + 1) / (tf + norm);
                acc.Mask |= mask;
            }
        }

        return scores;
    }

    /// <summary>BM25F-style article relevance over body and title.</summary>
    internal static Dictionary<int, double> ScoreArticles(SearchIndex index, ParsedQuery query, RankingOptions options)
    {
        var scores = new Dictionary<int, double>();
        var count = index.Articles.Count;
        var avg = index.AverageArticleLength + (options.TitleWeight * index.AverageTitleLength);
        foreach (var term in query.Terms)
        {
            var body = index.BodyPostings[term.TermId];
            var title = index.TitlePostings[term.TermId];
            var df = Math.Max(body.Count, title.Count);
            var idf = Math.Log(1 + ((count - df + 0.5) / (df + 0.5))) * term.Weight;
            var tf = new Dictionary<int, double>();
            for (var i = 0; i < body.Ids.Length; i++)
            {
                tf[body.Ids[i]] = body.Frequencies[i];
            }

            for (var i = 0; i < title.Ids.Length; i++)
            {
                tf[title.Ids[i]] = tf.GetValueOrDefault(title.Ids[i]) + (options.TitleWeight * title.Frequencies[i]);
            }

            foreach (var (article, f) in tf)
            {
                var length = index.ArticleLengths[article] + (options.TitleWeight * index.TitleLengths[article]);
                var norm = ArticleK1 * (1 - ArticleB + (ArticleB * length / avg));
                ref var score = ref CollectionsMarshal.GetValueRefOrAddDefault(scores, article, out _);
                score += idf * f * (ArticleK1 + 1) / (f + norm);
            }
        }

        return scores;
    }

    private static double NeighbourScore(SearchIndex index, Dictionary<int, Accumulator> scores, int sentence, int step)
    {
        var neighbour = sentence + step;
        if (neighbour < 0 || neighbour >= index.SentenceCount || index.Sentences[neighbour].Article != index.Sentences[sentence].Article)
        {
            return 0;
        }

        return scores.TryGetValue(neighbour, out var acc) ? acc.Bm25 : 0;
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
    private static ulong MaskOf(Dictionary<int, Accumulator> scores, int sentence, SearchIndex index, SentenceEntry of) =>
        sentence >= 0 && sentence < index.SentenceCount && index.Sentences[sentence].Article == of.Article
            && index.Sentences[sentence].Paragraph == of.Paragraph && scores.TryGetValue(sentence, out var acc)
            ? acc.Mask
            : 0;

    private static ulong TitleMask(SearchIndex index, ParsedQuery query, string[] surfaces, int article)
    {
        ulong mask = 0;
        foreach (var term in query.Terms)
        {
            if (Array.BinarySearch(index.TitlePostings[term.TermId].Ids, article) >= 0)
            {
                var bit = Array.IndexOf(surfaces, term.Surface);
                mask |= bit >= 0 ? 1UL << bit : 0;
            }
        }

        return mask;
    }

    private static double Covered(ulong mask, double[] surfaceIdf)
    {
        var sum = 0.0;
        for (var i = 0; i < surfaceIdf.Length; i++)
        {
            if ((mask & (1UL << i)) != 0)
            {
                sum += surfaceIdf[i];
            }
        }

        return sum;
    }

    /// <summary>How tightly the distinct query terms cluster in the sentence: 0 for one or none, up to 1 when adjacent.</summary>
    private static double Proximity(string sentence, ParsedQuery query)
    {
        var wanted = query.Terms.Select(t => t.Stem).ToHashSet(StringComparer.Ordinal);
        var positions = new List<(int Position, string Stem)>();
        var position = 0;
        foreach (var term in TextAnalyzer.Analyze(sentence))
        {
            if (term.IsStopWord)
            {
                continue;
            }

            if (wanted.Contains(term.Stem))
            {
                positions.Add((position, term.Stem));
            }

            position++;
        }

        var distinct = positions.Select(p => p.Stem).Distinct(StringComparer.Ordinal).Count();
        if (distinct < 2)
        {
            return 0;
        }

        var best = int.MaxValue;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
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

    private struct Accumulator
    {
        public double Bm25;
        public ulong Mask;
    }
}
