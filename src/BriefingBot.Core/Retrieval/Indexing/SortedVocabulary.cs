namespace BriefingBot.Core.Retrieval.Indexing;

/// <summary>The index's surface words in ordinal order, for prefix look-ups by binary search.</summary>
internal sealed class SortedVocabulary(IEnumerable<string> words)
{
    private readonly string[] _words = words.Order(StringComparer.Ordinal).ToArray();

    /// <summary>The words that start with <paramref name="prefix"/> (the prefix itself included when it is a word), in order.</summary>
    public ReadOnlySpan<string> WithPrefix(string prefix)
    {
        int lo = 0, hi = _words.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (string.CompareOrdinal(_words[mid], prefix) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        var end = lo;
        while (end < _words.Length && _words[end].StartsWith(prefix, StringComparison.Ordinal))
        {
            end++;
        }

        return _words.AsSpan(lo, end - lo);
    }
}
