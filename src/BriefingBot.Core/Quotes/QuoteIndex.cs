namespace BriefingBot.Core.Quotes;

/// <summary>
/// A snapshot's attributed quotations, plus which quotations mention each stem, so a topic search scores only the
/// quotations that share a word with the topic instead of every quotation in the collection.
/// </summary>
internal sealed class QuoteIndex
{
    private static readonly int[] None = [];
    private readonly Dictionary<string, int[]> _byStem;

    public QuoteIndex(IndexedQuote[] quotes)
    {
        Quotes = quotes;
        Speakers = quotes.Select(q => q.FoldedSpeaker).Distinct(StringComparer.Ordinal).ToArray();
        _byStem = quotes
            .SelectMany((q, i) => q.Stems.Select(stem => (stem, i)))
            .GroupBy(x => x.stem, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.i).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>In article order.</summary>
    public IndexedQuote[] Quotes { get; }

    /// <summary>The distinct folded speakers: a name is matched once, not once per quotation it said.</summary>
    public string[] Speakers { get; }

    /// <summary>Quotations whose text or sentence has any of the stems, in article order.</summary>
    public IEnumerable<IndexedQuote> WithAnyOf(IEnumerable<string> stems)
    {
        var positions = new SortedSet<int>();
        foreach (var stem in stems.Distinct(StringComparer.Ordinal))
        {
            positions.UnionWith(_byStem.GetValueOrDefault(stem, None));
        }

        return positions.Select(i => Quotes[i]);
    }
}
