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
        Bias = -2.2576,
        Score = 0.3063,
        Margin = 0.1240,
        Similarity = 4.5852,
        DetailSimilarity = 0.5654,
        TitleSimilarity = -0.7670,
        Lexical = 0.0506,
        Coverage = 0.8391,
        DetailCoverage = 0.3060,
        NovelCue = -0.6598,
        BestSimilarity = -3.5294,
        BestDetailSimilarity = -2.3608,
        UnknownNames = 1.4924,
        UnknownWords = -1.4187,
    };

    /// <summary>The probability that the collection answers the question at all.</summary>
    public static ConfidenceWeights Answerable { get; } = new()
    {
        Bias = -1.8087,
        Score = 0.1094,
        Margin = 0.1888,
        Similarity = 2.5397,
        DetailSimilarity = 2.4658,
        TitleSimilarity = -1.3171,
        Lexical = -2.0354,
        Coverage = 3.2089,
        DetailCoverage = 1.3306,
        NovelCue = -0.3838,
        BestSimilarity = 0.2309,
        BestDetailSimilarity = 0.7461,
        UnknownNames = -0.6250,
        UnknownWords = -1.3494,
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
