namespace BriefingBot.Core.Answers;

/// <summary>When the engine answers and when it declines. Calibrated by the evaluation in the benchmark project.</summary>
public sealed record AnswerOptions
{
    public static AnswerOptions Default { get; } = new();

    /// <summary>
    /// Below this confidence the engine says the articles do not answer the question. Confidence is mostly the
    /// share of the question's distinctive words the sentence (and, less, its neighbours and title) contains.
    /// </summary>
    public double ConfidenceThreshold { get; init; } = 0.5;

    /// <summary>Further answers must reach this share of the best answer's score to be shown at all.</summary>
    public double RelativeScoreFloor { get; init; } = 0.35;
}
