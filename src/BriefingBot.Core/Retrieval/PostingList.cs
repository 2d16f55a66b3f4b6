namespace BriefingBot.Core.Retrieval;

/// <summary>The sentences (or articles) that contain one term, ascending, with how often it occurs in each.</summary>
public sealed class PostingList(int[] ids, byte[] frequencies)
{
    public static PostingList Empty { get; } = new([], []);

    public int[] Ids { get; } = ids;

    /// <summary>Term frequency per id, saturated at 255 (BM25 flattens high counts anyway).</summary>
    public byte[] Frequencies { get; } = frequencies;

    public int Count => Ids.Length;
}
