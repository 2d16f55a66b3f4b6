namespace BriefingBot.Core.Retrieval.Indexing;

/// <summary>
/// Posting lists of every term in three flat arrays (ids, frequencies, and where each term starts), instead of two
/// arrays and an object per term: a large vocabulary is mostly rare words, whose per-object overhead dwarfed their postings.
/// </summary>
internal sealed class PostingTable(int[] offsets, int[] ids, byte[] frequencies)
{
    public PostingList this[int term]
    {
        get
        {
            var start = offsets[term];
            var length = offsets[term + 1] - start;
            return new PostingList(ids.AsSpan(start, length), frequencies.AsSpan(start, length));
        }
    }
}
