namespace BriefingBot.Core.Semantics;

/// <summary>
/// Which sentences the hybrid ranker considers, how it weighs their evidence, and how the best one's evidence becomes
/// the confidence shown to users. The weights were fitted on our news question set (dev split, 241 answerable and 40
/// unanswerable questions) by pairwise logistic regression and checked on held-out halves; docs/ranking.md has the
/// method and the figures. Refit them there, against the numbers, never against single questions.
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

    /// <summary>Articles whose titles are closest in meaning to the question join the candidates (a question in other words than the article's).</summary>
    public int MeaningArticles { get; init; } = 3;

    /// <summary>
    /// How many of the best articles get a question form without their title (see
    /// <see cref="CandidateFeatures.DetailSimilarity"/>). One: with three, the news dev and seed figures were identical.
    /// </summary>
    public int DetailArticles { get; init; } = 1;

    /// <summary>Sentences without a vector that a question may embed on the request path.</summary>
    public int OnDemandBudget { get; init; } = 48;

    /// <summary>How each piece of evidence counts in a candidate's score.</summary>
    public HybridWeights Weights { get; init; } = new();

    /// <summary>How a candidate's evidence maps to the probability that it answers the question (the confidence shown).</summary>
    public ConfidenceWeights Confidence { get; init; } = ConfidenceWeights.RightSentence;

    /// <summary>How the best candidate's evidence maps to the probability that the collection answers the question at all.</summary>
    public ConfidenceWeights Answerability { get; init; } = ConfidenceWeights.Answerable;
}
