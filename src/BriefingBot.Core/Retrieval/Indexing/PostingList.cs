namespace BriefingBot.Core.Retrieval.Indexing;

/// <summary>The articles whose title contains one term, ascending, with how often: a view into a <see cref="PostingTable"/>.</summary>
public readonly ref struct PostingList(ReadOnlySpan<int> ids, ReadOnlySpan<byte> frequencies)
{
    public ReadOnlySpan<int> Ids { get; } = ids;

    /// <summary>Term frequency per id, saturated at 255 (BM25 flattens high counts anyway).</summary>
    public ReadOnlySpan<byte> Frequencies { get; } = frequencies;

    public int Count => Ids.Length;
}
