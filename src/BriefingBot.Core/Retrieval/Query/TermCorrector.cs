using BriefingBot.Core.Retrieval.Indexing;
using FuzzySharp;

namespace BriefingBot.Core.Retrieval.Query;

/// <summary>
/// Typo tolerance: finds the index words closest to a word the index does not know ("psycological" →
/// "psychological"). Candidates come from a trigram index over the vocabulary, so only a few hundred words are
/// compared per query word instead of the whole vocabulary; FuzzySharp's ratio then picks among them.
/// Built on first use, since many snapshots never see a typo.
/// </summary>
internal sealed class TermCorrector
{
    private const int MinimumWordLength = 4;

    [ThreadStatic]
    private static int[]? t_shared;

    private readonly SearchIndex _index;
    private readonly string[] _words;
    private readonly Dictionary<string, int[]> _trigrams;

    // Words are numbered shortest first, so each trigram's list ascends by length too and a correction reads only
    // the stretch of each list whose lengths are close enough: _lengthStart[n] is the first word of n letters or more.
    private readonly int[] _lengthStart;

    public TermCorrector(SearchIndex index)
    {
        _index = index;
        _words = index.SurfaceForms.Keys
            .Where(w => w.Length >= MinimumWordLength && !w.Any(char.IsDigit))
            .OrderBy(w => w.Length)
            .ThenBy(w => w, StringComparer.Ordinal)
            .ToArray();
        var longest = _words.Length == 0 ? 0 : _words[^1].Length;
        _lengthStart = new int[longest + 2];
        for (int length = 0, i = 0; length < _lengthStart.Length; length++)
        {
            while (i < _words.Length && _words[i].Length < length)
            {
                i++;
            }

            _lengthStart[length] = i;
        }

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

        // Short words allow one letter more or less at most ("food" is not a typo of "fooled"), longer ones two.
        var slack = word.Length <= 5 ? 1 : 2;
        var first = _lengthStart[Math.Min(word.Length - slack, _lengthStart.Length - 1)];
        var end = _lengthStart[Math.Min(word.Length + slack + 1, _lengthStart.Length - 1)];

        // Shared-trigram counts in a flat array, reset through the list of words touched: a common trigram ("ing",
        // "al$") lists thousands of words, and a dictionary entry per word cost more than the rest of the query.
        var shared = SharedCounts(_words.Length);
        var touched = new List<int>();
        foreach (var gram in grams)
        {
            if (_trigrams.TryGetValue(gram, out var ids))
            {
                var at = Array.BinarySearch(ids, first);
                for (at = at < 0 ? ~at : at; at < ids.Length && ids[at] < end; at++)
                {
                    if (shared[ids[at]]++ == 0)
                    {
                        touched.Add(ids[at]);
                    }
                }
            }
        }

        // A one-letter typo leaves at least a third of the trigrams intact; fewer shared means a different word.
        var needed = Math.Max(1, grams.Length / 3);
        var threshold = word.Length <= 5 ? 80 : 75;
        var close = new List<int>();
        foreach (var id in touched)
        {
            if (shared[id] >= needed)
            {
                close.Add(id);
            }

            shared[id] = 0;
        }

        return close
            .Select(id => (Word: _words[id], Ratio: Fuzz.Ratio(word, _words[id])))
            .Where(x => x.Ratio >= threshold)
            .Select(x => (x.Word, TermId: _index.SurfaceForms[x.Word], Similarity: x.Ratio / 100.0))
            .OrderByDescending(x => x.Similarity)
            .ThenByDescending(x => _index.SentencePostings.Count(x.TermId))
            .ThenBy(x => x.Word, StringComparer.Ordinal)
            .DistinctBy(x => x.TermId)
            .Take(max)
            .ToArray();
    }

    /// <summary>This thread's zeroed counting array, at least <paramref name="length"/> long; left zeroed after use.</summary>
    private static int[] SharedCounts(int length)
    {
        if (t_shared is null || t_shared.Length < length)
        {
            t_shared = new int[length];
        }

        return t_shared;
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
