using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Core.Retrieval.Query;
using BriefingBot.Core.Text;

namespace BriefingBot.Core.Retrieval.Ranking;

/// <summary>
/// How tightly the distinct query terms cluster in a sentence: 0 for one or none, up to 1 when adjacent. One scanner
/// serves all the candidates of a query, so the wanted terms and the working arrays are set up once instead of a set,
/// a list and a dictionary per candidate (64 per question).
/// </summary>
/// <remarks>
/// Reads the sentence with the tokenizer and the index's own surface-form table (folded word → term id) instead
/// of re-analysing it: every word of an indexed sentence is in that table, and skipping the stemmer here took
/// about a millisecond off every question (64 candidates × ~30 words).
/// </remarks>
internal sealed class ProximityScanner
{
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _surfaces;
    private readonly int[] _wanted;
    private readonly int[] _counts;
    private int[] _positions = new int[64];
    private int[] _slots = new int[64];

    public ProximityScanner(SearchIndex index, ParsedQuery query)
    {
        _surfaces = index.SurfaceForms.GetAlternateLookup<ReadOnlySpan<char>>();
        var wanted = new List<int>(query.Terms.Count);
        foreach (var term in query.Terms)
        {
            if (!wanted.Contains(term.TermId))
            {
                wanted.Add(term.TermId);
            }
        }

        _wanted = [.. wanted];
        _counts = new int[_wanted.Length];
    }

    public double Score(ReadOnlySpan<char> sentence)
    {
        if (_wanted.Length < 2)
        {
            return 0;
        }

        Span<char> buffer = stackalloc char[Tokenizer.MaxTokenLength];
        var found = 0;
        var position = 0;
        var at = 0;
        while (Tokenizer.TryReadToken(sentence, ref at, buffer, out _, out _, out var length))
        {
            var folded = buffer[..length];
            if (StopWords.Contains(folded))
            {
                continue;
            }

            if (_surfaces.TryGetValue(folded, out var id) && Array.IndexOf(_wanted, id) is var slot and >= 0)
            {
                if (found == _positions.Length)
                {
                    Array.Resize(ref _positions, found * 2);
                    Array.Resize(ref _slots, found * 2);
                }

                _positions[found] = position;
                _slots[found++] = slot;
            }

            position++;
        }

        var counts = _counts.AsSpan();
        counts.Clear();
        var distinct = 0;
        for (var i = 0; i < found; i++)
        {
            if (counts[_slots[i]]++ == 0)
            {
                distinct++;
            }
        }

        if (distinct < 2)
        {
            return 0;
        }

        // The shortest window holding every distinct term found.
        counts.Clear();
        var best = int.MaxValue;
        var covered = 0;
        var left = 0;
        for (var right = 0; right < found; right++)
        {
            if (counts[_slots[right]]++ == 0)
            {
                covered++;
            }

            while (covered == distinct)
            {
                best = Math.Min(best, _positions[right] - _positions[left] + 1);
                if (--counts[_slots[left]] == 0)
                {
                    covered--;
                }

                left++;
            }
        }

        return (distinct - 1.0) / Math.Max(1, best - 1);
    }
}
