using BriefingBot.Core.Text;

namespace BriefingBot.Core.Retrieval;

/// <summary>Folded titles of one index, sorted for prefix search, plus exact lookups by folded title and by id.</summary>
internal sealed class TitleLookup
{
    public TitleLookup(SearchIndex index)
    {
        Folded = index.Articles.Select(a => Fold(a.Title)).ToArray();
        Sorted = Enumerable.Range(0, Folded.Length).OrderBy(i => Folded[i], StringComparer.Ordinal).ToArray();
        var exact = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < Folded.Length; i++)
        {
            foreach (var key in new[] { Folded[i], Fold(index.Articles[i].Id) }.Distinct(StringComparer.Ordinal))
            {
                if (!exact.TryGetValue(key, out var list))
                {
                    exact[key] = list = [];
                }

                list.Add(i);
            }
        }

        // Arrays, not lists: two keys per article, so at 100k articles the list objects alone were ~6 MB.
        Exact = exact.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }

    public string[] Folded { get; }

    /// <summary>Article indices ordered by folded title.</summary>
    public int[] Sorted { get; }

    public Dictionary<string, int[]> Exact { get; }

    /// <summary>Lower case, no accents or punctuation, single spaces: "Kim Jong-un’s" → "kim jong un".</summary>
    public static string Fold(string text) => string.Join(' ', Tokenizer.Tokenize(text).Select(t => t.Text));

    /// <summary>Articles whose folded title starts with <paramref name="prefix"/>, in title order.</summary>
    public IEnumerable<int> WithPrefix(string prefix)
    {
        int lo = 0, hi = Sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (string.CompareOrdinal(Folded[Sorted[mid]], prefix) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (var i = lo; i < Sorted.Length && Folded[Sorted[i]].StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            yield return Sorted[i];
        }
    }
}
