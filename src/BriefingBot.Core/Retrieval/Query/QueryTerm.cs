namespace BriefingBot.Core.Retrieval.Query;

/// <summary>One searchable term of a query.</summary>
/// <param name="Stem">The indexed stem.</param>
/// <param name="TermId">Its id in the index.</param>
/// <param name="Surface">The word as the user typed it (folded).</param>
/// <param name="Weight">1 for a word typed right; the similarity (below 1) for a typo correction.</param>
/// <param name="Idf">Inverse sentence frequency of the stem.</param>
public sealed record QueryTerm(string Stem, int TermId, string Surface, double Weight, double Idf)
{
    /// <summary>The index word this term was corrected to, when the typed word was unknown.</summary>
    public string? CorrectedTo { get; init; }
}
