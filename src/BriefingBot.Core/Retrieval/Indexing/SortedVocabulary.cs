namespace BriefingBot.Core.Retrieval.Indexing;

/// <summary>The index's surface words in ordinal order, for prefix look-ups by binary search.</summary>
internal sealed class SortedVocabulary(IEnumerable<string> words)
{
    private readonly string[] _words = words.Order(StringComparer.Ordinal).ToArray();

    public IEnumerable<string> WithPrefix(string prefix)
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

        for (var i = lo; i < _words.Length && _words[i].StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            yield return _words[i];
        }
    }
}
