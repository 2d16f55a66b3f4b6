namespace BriefingBot.Core.Semantics;

/// <summary>
/// How meaning and the lexical engine's evidence combine into one sentence score, and how that score becomes the
/// confidence shown to users. Weights are fitted on our news question set (dev split) together with the public
/// sets; see docs/ranking.md for how and the figures.
/// </summary>
public sealed record SemanticOptions
{
    public static SemanticOptions Default { get; } = new();

    /// <summary>Articles whose every sentence is a candidate, best lexical relevance first.</summary>
    public int CandidateArticles { get; init; } = 5;

    /// <summary>Lexical sentence hits that are candidates whatever their article.</summary>
    public int LexicalCandidates { get; init; } = 64;

    /// <summary>At most this many sentences of one article are candidates (the longest pages run to hundreds).</summary>
    public int SentencesPerArticle { get; init; } = 80;

    /// <summary>Sentences without a vector that a question may embed on the request path.</summary>
    public int OnDemandBudget { get; init; } = 48;

    public double SimilarityWeight { get; init; } = 1.0;

    public double TitleSimilarityWeight { get; init; } = 0.3;

    public double NeighbourSimilarityWeight { get; init; } = 0.1;

    /// <summary>Articles whose titles are closest in meaning to the question join the candidates (a question in other words than the article's).</summary>
    public int MeaningArticles { get; init; } = 3;

    public double LexicalWeight { get; init; } = 0.3;

    public double ArticleWeight { get; init; } = 0.3;

    public double CoverageWeight { get; init; } = 0.2;

    public double CueWeight { get; init; } = 0.05;

    public double LeadWeight { get; init; } = 0.05;

    /// <summary>Factor for a "sentence" without closing punctuation: a caption, a heading, a list entry.</summary>
    public double FragmentFactor { get; init; } = 0.8;

    /// <summary>Confidence is a logistic function of the best sentence's evidence; these are its intercept and weights.</summary>
    public double ConfidenceBias { get; init; } = -6.0;

    public double ConfidenceSimilarity { get; init; } = 10.0;

    public double ConfidenceCoverage { get; init; } = 2.0;

    public double ConfidenceArticle { get; init; } = 0.5;

    public double ConfidenceMargin { get; init; } = 1.0;

    /// <summary>Per capitalised word of the question no article contains (up to two): a name the articles never mention.</summary>
    public double ConfidenceUnknownName { get; init; } = -2.0;
}
