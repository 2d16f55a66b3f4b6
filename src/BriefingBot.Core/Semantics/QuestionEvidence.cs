using BriefingBot.Core.Retrieval.Query;

namespace BriefingBot.Core.Semantics;

/// <summary>What a question's candidates say as a whole, beside the evidence of the one sentence being judged.</summary>
/// <param name="BestSimilarity">The highest cosine of any candidate: how close the collection comes to the question at all.</param>
/// <param name="BestDetailSimilarity">The same for the question without its story's title words.</param>
/// <param name="UnknownNames">Capitalised words of the question no article contains.</param>
/// <param name="UnknownWords">Words of the question no article contains, after typo correction.</param>
public readonly record struct QuestionEvidence(double BestSimilarity, double BestDetailSimilarity, int UnknownNames, int UnknownWords)
{
    public static QuestionEvidence Of(IReadOnlyList<RankedSentence> ranked, ParsedQuery query) => new(
        ranked.Count == 0 ? 0 : ranked.Max(r => r.Features.Similarity),
        ranked.Count == 0 ? 0 : ranked.Max(r => r.Features.DetailSimilarity),
        query.UnknownNames.Count,
        query.UnknownWords.Count);
}
