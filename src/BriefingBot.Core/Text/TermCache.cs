namespace BriefingBot.Core.Text;

/// <summary>
/// Remembers, per distinct folded word, its string, stem and stop-word flag, so analysing a large collection
/// allocates and stems each distinct word once instead of once per occurrence.
/// </summary>
/// <remarks>
/// Owned by the caller (one per indexing worker): it is not thread-safe, and deliberately not static, so its memory
/// goes away with the index build. Past <see cref="MaxEntries"/> it stops learning new words but keeps answering.
/// </remarks>
public sealed class TermCache
{
    private readonly Dictionary<string, CachedTerm> _terms;
    private readonly Dictionary<string, CachedTerm>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public TermCache(int maxEntries = 1_000_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxEntries);
        MaxEntries = maxEntries;
        _terms = new Dictionary<string, CachedTerm>(StringComparer.Ordinal);
        _lookup = _terms.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int MaxEntries { get; }

    public int Count => _terms.Count;

    internal CachedTerm Get(ReadOnlySpan<char> folded)
    {
        if (_lookup.TryGetValue(folded, out var term))
        {
            return term;
        }

        var text = new string(folded);
        term = new CachedTerm(text, EnglishStemmer.Stem(text), StopWords.Contains(text));
        if (_terms.Count < MaxEntries)
        {
            _terms.Add(text, term);
        }

        return term;
    }
}

/// <summary>What <see cref="TermCache"/> stores for one folded word.</summary>
internal readonly record struct CachedTerm(string Folded, string Stem, bool IsStopWord);
