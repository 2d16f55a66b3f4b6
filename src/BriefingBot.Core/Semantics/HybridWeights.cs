namespace BriefingBot.Core.Semantics;

/// <summary>
/// The weights of a candidate's score, one per piece of evidence (see <see cref="CandidateFeatures"/>) and a few
/// products and in-article ranks the fit found useful. Fitted values; see <see cref="SemanticOptions"/>.
/// </summary>
/// <remarks>
/// The negative <see cref="Lead"/> is not a belief that answers avoid the top of a story: an article's first
/// sentences restate its headline, so they are close in meaning (and in words) to any question about the story,
/// and this corrects that inflation (docs/ranking.md).
/// </remarks>
public sealed record HybridWeights
{
    public double Similarity { get; init; } = 1.084;

    public double SimilaritySquared { get; init; } = 1.062;

    /// <summary>Similarity minus the best similarity in the same article (0 for the article's closest sentence).</summary>
    public double SimilarityGap { get; init; } = 0.093;

    /// <summary>1 / (1 + the sentence's rank by similarity within its article).</summary>
    public double SimilarityRank { get; init; } = 1.397;

    public double DetailSimilarity { get; init; } = 0.496;

    public double DetailCoverage { get; init; } = 0.498;

    public double TitleSimilarity { get; init; } = 0.068;

    public double NeighbourSimilarity { get; init; } = 0.400;

    public double Lexical { get; init; } = 0.655;

    /// <summary>1 / (1 + the sentence's rank by lexical score within its article), 0 when it matched nothing.</summary>
    public double LexicalRank { get; init; } = 0.265;

    public double Article { get; init; } = 1.266;

    /// <summary>1 when the sentence's article is the most relevant one.</summary>
    public double TopArticle { get; init; } = 0.690;

    public double Coverage { get; init; } = 0.961;

    public double ContextCoverage { get; init; } = 0.643;

    public double Cue { get; init; } = 1.186;

    public double NovelCue { get; init; } = 0.586;

    public double ArticleTimesNovelCue { get; init; } = 1.032;

    public double Lead { get; init; } = -0.745;

    public double Fragment { get; init; } = -0.394;

    public double ArticleTimesSimilarity { get; init; } = 1.246;

    public double CueTimesSimilarity { get; init; } = 0.763;

    public double ArticleTimesDetailSimilarity { get; init; } = 0.659;

    public double ArticleTimesDetailCoverage { get; init; } = 0.498;
}
