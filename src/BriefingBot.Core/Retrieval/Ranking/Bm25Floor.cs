using BriefingBot.Core.Retrieval.Indexing;

namespace BriefingBot.Core.Retrieval.Ranking;

/// <summary>
/// The first pass's starting threshold: a sentence scores at least its BM25 (every other factor of its score is at
/// least 1), so the k-th best BM25 is a floor under the k-th best score before any candidate has been scored.
/// </summary>
internal static class Bm25Floor
{
    /// <summary>The <paramref name="k"/>-th largest BM25 among the touched sentences; negative infinity when fewer.</summary>
    public static double KthLargest(SentenceScore[] scores, ReadOnlySpan<int> touched, int k)
    {
        if (touched.Length < k || k <= 0)
        {
            return double.NegativeInfinity;
        }

        // A min-heap of the k largest seen: most values fall below its root and cost one comparison.
        var heap = k <= 256 ? stackalloc float[k] : new float[k];
        for (var i = 0; i < k; i++)
        {
            heap[i] = scores[touched[i]].Bm25;
        }

        for (var i = (k / 2) - 1; i >= 0; i--)
        {
            SiftDown(heap, i);
        }

        for (var i = k; i < touched.Length; i++)
        {
            var value = scores[touched[i]].Bm25;
            if (value > heap[0])
            {
                heap[0] = value;
                SiftDown(heap, 0);
            }
        }

        return heap[0];
    }

    private static void SiftDown(Span<float> heap, int i)
    {
        while (true)
        {
            var smallest = i;
            var left = (2 * i) + 1;
            var right = left + 1;
            if (left < heap.Length && heap[left] < heap[smallest])
            {
                smallest = left;
            }

            if (right < heap.Length && heap[right] < heap[smallest])
            {
                smallest = right;
            }

            if (smallest == i)
            {
                return;
            }

            (heap[smallest], heap[i]) = (heap[i], heap[smallest]);
            i = smallest;
        }
    }
}
