namespace BriefingBot.Core.Semantics;

/// <summary>
/// A logistic model of "the best sentence answers the question", fitted on the news question set's dev split (label:
/// the top sentence is right; unanswerable questions count as wrong). Its output is the confidence users see and the
/// number the decline threshold applies to.
/// </summary>
public sealed record ConfidenceWeights
{
    public double Bias { get; init; } = -6.2789;

    public double Score { get; init; } = 0.6909;

    /// <summary>The best score minus the best score of any other article.</summary>
    public double Margin { get; init; } = 0.9353;

    public double Similarity { get; init; } = 0.3877;

    public double Coverage { get; init; } = 1.1625;

    public double Article { get; init; } = -0.3702;

    /// <summary>Per capitalised word of the question no article contains (counted up to two).</summary>
    public double UnknownNames { get; init; } = -0.0296;

    public double DetailCoverage { get; init; } = 0.1729;
}
