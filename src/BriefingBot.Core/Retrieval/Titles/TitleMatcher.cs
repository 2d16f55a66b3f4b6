using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Core.Retrieval.Query;
using FuzzySharp;

namespace BriefingBot.Core.Retrieval.Titles;

/// <summary>
/// Finds articles by what a user types for a title (autocomplete, /summary article:). Ranks exact &gt; prefix &gt;
/// fuzzy. Fuzzy candidates come from the title index (typo-corrected words), so only a few hundred titles are
/// compared however many articles are loaded.
/// </summary>
public static class TitleMatcher
{
    private const int FuzzyFloor = 60;
    private const int MaxFuzzyCandidates = 400;

    public static IReadOnlyList<TitleMatch> Match(SearchIndex index, string typed, int max = 25)
    {
        var lookup = index.Titles;
        var folded = TitleLookup.Fold(typed);
        if (folded.Length == 0)
        {
            return index.Articles.Take(max).Select(a => new TitleMatch(a, TitleMatchKind.Fuzzy, 0)).ToArray();
        }

        var results = new List<TitleMatch>();
        var taken = new HashSet<int>();
        foreach (var i in lookup.Exact(typed, folded).Where(taken.Add))
        {
            results.Add(new TitleMatch(index.Articles[i], TitleMatchKind.Exact, 1));
        }

        foreach (var i in lookup.WithPrefix(folded).Where(taken.Add).Take(max))
        {
            results.Add(new TitleMatch(index.Articles[i], TitleMatchKind.Prefix, (double)folded.Length / lookup.Folded[i].Length));
        }

        if (results.Count < max)
        {
            var query = QueryParser.Parse(index, typed);
            var candidates = new Dictionary<int, double>();
            foreach (var term in query.Terms)
            {
                foreach (var article in index.TitlePostings[term.TermId].Ids)
                {
                    candidates[article] = candidates.GetValueOrDefault(article) + (term.Idf * term.Weight);
                }
            }

            var fuzzy = candidates
                .Where(kv => !taken.Contains(kv.Key))
                .OrderByDescending(kv => kv.Value)
                .Take(MaxFuzzyCandidates)
                .Select(kv => (Article: kv.Key, Ratio: Fuzz.PartialRatio(folded, lookup.Folded[kv.Key])))
                .Where(x => x.Ratio >= FuzzyFloor)
                .OrderByDescending(x => x.Ratio)
                .ThenBy(x => x.Article)
                .Take(max - results.Count);
            results.AddRange(fuzzy.Select(x => new TitleMatch(index.Articles[x.Article], TitleMatchKind.Fuzzy, x.Ratio / 100.0)));
        }

        return results
            .OrderByDescending(r => r.Kind)
            .ThenByDescending(r => r.Score)
            .Take(max)
            .ToArray();
    }

    /// <summary>
    /// The one article meant by <paramref name="typed"/> (an id, a title or a close enough title), or null with the
    /// closest candidates when it is ambiguous or unknown.
    /// </summary>
    public static (Articles.Article? Article, IReadOnlyList<TitleMatch> Candidates) Resolve(SearchIndex index, string typed)
    {
        // An exact title (or id) wins whatever else matches, so the fuzzy pass over hundreds of titles is skipped.
        var folded = TitleLookup.Fold(typed);
        if (folded.Length > 0 && index.Titles.Exact(typed, folded).Select(i => (int?)i).FirstOrDefault() is { } exact)
        {
            var article = index.Articles[exact];
            return (article, [new TitleMatch(article, TitleMatchKind.Exact, 1)]);
        }

        var matches = Match(index, typed, 5);
        if (matches.Count == 0)
        {
            return (null, []);
        }

        var best = matches[0];
        var clearWinner = best.Kind == TitleMatchKind.Exact
            || (best.Kind == TitleMatchKind.Prefix && (matches.Count == 1 || matches[1].Kind != TitleMatchKind.Prefix))
            || (best.Kind == TitleMatchKind.Fuzzy && best.Score >= 0.8 && (matches.Count == 1 || matches[1].Score < best.Score - 0.1));
        return clearWinner ? (best.Article, matches) : (null, matches);
    }
}
