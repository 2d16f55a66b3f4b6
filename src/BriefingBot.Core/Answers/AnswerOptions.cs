namespace BriefingBot.Core.Answers;

/// <summary>When the engine answers and when it declines. Calibrated by the evaluation in the benchmark project.</summary>
public sealed record AnswerOptions
{
    public static AnswerOptions Default { get; } = new();

    /// <summary>
    /// Below this confidence the engine says the articles do not answer the question. Confidence is mostly the
    /// share of the question's distinctive words the sentence (and, less, its neighbours and title) contains.
    /// Calibrated on WikiQA answer triggering (--eval wikiqa): the best F1 of "answered and right" (docs/tuning-history.md).
    /// </summary>
    public double ConfidenceThreshold { get; init; } = 0.45;

    /// <summary>
    /// With meaning on: below this fitted probability that the collection answers the question at all (see
    /// <see cref="Semantics.HybridRanker.Answerability"/>) the engine declines. Chosen on the news question set's dev
    /// split and the seed questions: the highest that declines none of the seed questions (2.5% of answerable dev
    /// questions declined); see docs/ranking.md for the trade-off.
    /// </summary>
    public double AnswerabilityThreshold { get; init; } = 0.7;

    /// <summary>Further answers must reach this share of the best answer's score to be shown at all.</summary>
    public double RelativeScoreFloor { get; init; } = 0.35;
}
