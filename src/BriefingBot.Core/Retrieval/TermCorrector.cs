using FuzzySharp;

namespace BriefingBot.Core.Retrieval;

/// <summary>
/// Typo tolerance: finds the index words closest to a word the index does not know ("psycological" →
/// "psychological"). Candidates come from a trigram index over the vocabulary, so only a few hundred words are
/// compared per query word instead of the whole vocabulary; FuzzySharp's ratio then picks among them.
/// Built on first use, since many snapshots never see a typo.
/// </summary>
internal sealed class TermCorrector
{
    private const int MinimumWordLength = 4;

    private readonly SearchIndex _index;
    private readonly string[] _words;
    private readonly Dictionary<string, int[]> _trigrams;

    public TermCorrector(SearchIndex index)
    {
        _index = index;
        _words = index.SurfaceForms.Keys.Where(w => w.Length >= MinimumWordLength && !w.Any(char.IsDigit)).ToArray();
        var lists = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < _words.Length; i++)
        {
            foreach (var gram in Trigrams(_words[i]).Distinct())
            {
                if (!lists.TryGetValue(gram, out var list))
                {
                    lists[gram] = list = [];
                }

                list.Add(i);
            }
        }

        _trigrams = lists.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The closest known words with their similarity (0–1), best first; empty when nothing is close enough.</summary>
    public IReadOnlyList<(string Word, int TermId, double Similarity)> Correct(string word, int max = 2)
    {
        if (word.Length < MinimumWordLength || word.Any(char.IsDigit))
        {
            return [];
        }

        var grams = Trigrams(word).Distinct().ToArray();
        var shared = new Dictionary<int, int>();
        foreach (var gram in grams)
        {
            if (_trigrams.TryGetValue(gram, out var ids))
            {
                foreach (var id in ids)
                {
                    shared[id] = shared.GetValueOrDefault(id) + 1;
                }
            }
        }

        // A one-letter typo leaves at least a third of the trigrams intact; fewer shared means a different word.
        // Short words allow one letter more or less at most: "food" is not a typo of "fooled".
        var needed = Math.Max(1, grams.Length / 3);
        var threshold = word.Length <= 5 ? 80 : 75;
        return shared
            .Where(kv => kv.Value >= needed && Math.Abs(_words[kv.Key].Length - word.Length) <= (word.Length <= 5 ? 1 : 2))
            .Select(kv => (Word: _words[kv.Key], Ratio: Fuzz.Ratio(word, _words[kv.Key])))
            .Where(x => x.Ratio >= threshold)
            .Select(x => (x.Word, TermId: _index.SurfaceForms[x.Word], Similarity: x.Ratio / 100.0))
            .OrderByDescending(x => x.Similarity)
            .ThenByDescending(x => _index.SentencePostings.Count(x.TermId))
            .ThenBy(x => x.Word, StringComparer.Ordinal)
            .DistinctBy(x => x.TermId)
            .Take(max)
            .ToArray();
    }

    private static IEnumerable<string> Trigrams(string word)
    {
        var padded = "^" + word + "$";
        for (var i = 0; i + 3 <= padded.Length; i++)
        {
            yield return padded.Substring(i, 3);
        }
    }
}
