namespace BriefingBot.Core.Semantics;

/// <summary>
/// A logistic model over a candidate's evidence and the question's (<see cref="QuestionEvidence"/>). Two are fitted on
/// the news question set's dev split with the seed questions (fitting scripts and figures: docs/ranking.md):
/// <see cref="RightSentence"/> (label: this sentence answers; unanswerable questions count as wrong), the confidence
/// users see, and <see cref="Answerable"/> (label: the collection answers the question), which decides declines. They
/// differ because a question can clearly be about a story whose answering sentence the ranker still misses.
/// </summary>
public sealed record ConfidenceWeights
{
    /// <summary>The probability that the candidate is the answering sentence.</summary>
    public static ConfidenceWeights RightSentence { get; } = new()
    {
        Bias = -3.5699,
        Score = 0.4780,
        Margin = 0.1738,
        Similarity = 1.3422,
        DetailSimilarity = 0.3185,
        TitleSimilarity = -0.2058,
        Lexical = -0.1257,
        Coverage = 0.0590,
        DetailCoverage = 0.2226,
        NovelCue = -1.2044,
        BestSimilarity = -3.9664,
        BestDetailSimilarity = 1.7416,
        UnknownNames = 1.5814,
        UnknownWords = -1.2383,
    };

    /// <summary>The probability that the collection answers the question at all.</summary>
    public static ConfidenceWeights Answerable { get; } = new()
    {
        Bias = -2.1024,
        Score = 0.1942,
        Margin = 0.1997,
        Similarity = 2.8647,
        DetailSimilarity = 2.0762,
        TitleSimilarity = -1.2206,
        Lexical = -2.4224,
        Coverage = 3.1128,
        DetailCoverage = 1.6666,
        NovelCue = -0.4358,
        BestSimilarity = -0.2915,
        BestDetailSimilarity = 0.8834,
        UnknownNames = -0.3754,
        UnknownWords = -1.2896,
    };

    public double Bias { get; init; }

    public double Score { get; init; }

    /// <summary>The candidate's score minus the best score of any other article.</summary>
    public double Margin { get; init; }

    public double Similarity { get; init; }

    public double DetailSimilarity { get; init; }

    public double TitleSimilarity { get; init; }

    public double Lexical { get; init; }

    public double Coverage { get; init; }

    public double DetailCoverage { get; init; }

    /// <summary>The sentence holds a new answer of the asked kind (see <see cref="CandidateFeatures.NovelCue"/>).</summary>
    public double NovelCue { get; init; }

    /// <summary>See <see cref="QuestionEvidence.BestSimilarity"/>.</summary>
    public double BestSimilarity { get; init; }

    /// <summary>See <see cref="QuestionEvidence.BestDetailSimilarity"/>.</summary>
    public double BestDetailSimilarity { get; init; }

    /// <summary>Per capitalised word of the question no article contains (counted up to two).</summary>
    public double UnknownNames { get; init; }

    /// <summary>Per word of the question no article contains, after typo correction (counted up to two).</summary>
    public double UnknownWords { get; init; }
}
