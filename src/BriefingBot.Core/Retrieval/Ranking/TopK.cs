namespace BriefingBot.Core.Retrieval.Ranking;

/// <summary>
/// Keeps the k best (score, id) pairs seen, as a min-heap: O(n log k) instead of sorting every candidate, which at
/// 100k articles means hundreds of thousands of sentences per common query word. Ties prefer the lower id, matching
/// the old "score descending, then id" order.
/// </summary>
internal sealed class TopK(int k)
{
    private readonly (double Score, int Id)[] _heap = new (double, int)[Math.Max(1, k)];
    private int _count;

    /// <summary>
    /// The score a new pair must beat (or tie with a lower id) once k pairs are kept; negative infinity before.
    /// </summary>
    public double Threshold => _count < _heap.Length ? double.NegativeInfinity : _heap[0].Score;

    public void Add(double score, int id)
    {
        if (_count < _heap.Length)
        {
            _heap[_count] = (score, id);
            SiftUp(_count++);
        }
        else if (Better(score, id, _heap[0].Score, _heap[0].Id))
        {
            _heap[0] = (score, id);
            SiftDown(0);
        }
    }

    /// <summary>The kept pairs, best first.</summary>
    public (double Score, int Id)[] Sorted()
    {
        var result = _heap[.._count];
        Array.Sort(result, (a, b) => Better(a.Score, a.Id, b.Score, b.Id) ? -1 : Better(b.Score, b.Id, a.Score, a.Id) ? 1 : 0);
        return result;
    }

    private static bool Better(double score, int id, double otherScore, int otherId) =>
        score > otherScore || (score == otherScore && id < otherId);

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!Better(_heap[parent].Score, _heap[parent].Id, _heap[i].Score, _heap[i].Id))
            {
                break;
            }

            (_heap[parent], _heap[i]) = (_heap[i], _heap[parent]);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var worst = i;
            var left = (2 * i) + 1;
            var right = left + 1;
            if (left < _count && Better(_heap[worst].Score, _heap[worst].Id, _heap[left].Score, _heap[left].Id))
            {
                worst = left;
            }

            if (right < _count && Better(_heap[worst].Score, _heap[worst].Id, _heap[right].Score, _heap[right].Id))
            {
                worst = right;
            }

            if (worst == i)
            {
                return;
            }

            (_heap[worst], _heap[i]) = (_heap[i], _heap[worst]);
            i = worst;
        }
    }
}
