using FuzzySharp;

namespace BriefingBot.Benchmarks.Peers;

/// <summary>
/// The obvious approach: score every sentence against the question with FuzzySharp's <c>Fuzz.PartialRatio</c> (both
/// lower-cased, as its default processor would) and keep the best. Linear in the corpus, so slow by design.
/// </summary>
public sealed class FuzzyScanPeer(IReadOnlyList<string> sentences)
{
    private readonly string[] _lowered = sentences.Select(s => s.ToLowerInvariant()).ToArray();

    public int Count => _lowered.Length;

    /// <summary>
    /// Sentence ids of the three best ratios among the first <paramref name="limit"/> sentences (all by default), best
    /// first, earlier sentence on ties. A limit lets a large corpus be timed on a slice and extrapolated: the scan is
    /// linear by construction.
    /// </summary>
    public IReadOnlyList<int> Search(string question, int limit = int.MaxValue)
    {
        var query = question.ToLowerInvariant();
        Span<(int Id, int Score)> best = [(-1, -1), (-1, -1), (-1, -1)];
        for (var i = 0; i < Math.Min(limit, _lowered.Length); i++)
        {
            var score = Fuzz.PartialRatio(query, _lowered[i]);
            if (score <= best[2].Score)
            {
                continue;
            }

            var at = 2;
            while (at > 0 && score > best[at - 1].Score)
            {
                best[at] = best[at - 1];
                at--;
            }

            best[at] = (i, score);
        }

        var ids = new List<int>(3);
        foreach (var (id, _) in best)
        {
            if (id >= 0)
            {
                ids.Add(id);
            }
        }

        return ids;
    }
}
