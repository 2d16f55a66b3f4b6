namespace BriefingBot.Core.Retrieval.Indexing;

/// <summary>
/// One sentence's working score during a query: its BM25 and which query words it matches. Kept side by side
/// because the posting loop updates both for every posting, in sentence order that jumps through the array: one
/// cache line per posting instead of two.
/// </summary>
internal struct SentenceScore
{
    /// <summary>BM25 so far; float is plenty for ranking. Every contribution is positive, so 0 means "not touched".</summary>
    public float Bm25;

    /// <summary>Which query surfaces (bit per distinct typed word, up to 32) the sentence matches.</summary>
    public uint Mask;
}
