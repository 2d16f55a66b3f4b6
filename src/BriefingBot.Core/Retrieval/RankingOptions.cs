namespace BriefingBot.Core.Retrieval;

/// <summary>
/// The knobs of sentence ranking. Defaults come from the evaluation on public QA data (see the benchmark project);
/// change them there, against the numbers, not against single questions.
/// </summary>
public sealed record RankingOptions
{
    public static RankingOptions Default { get; } = new();

    /// <summary>BM25 term-frequency saturation for sentences.</summary>
    public double K1 { get; init; } = 1.2;

    /// <summary>BM25 length normalisation for sentences; sentences vary less than documents, so it is lowered.</summary>
    public double B { get; init; } = 0.5;

    /// <summary>How much the article's own relevance (title and body) lifts its sentences.</summary>
    public double ArticleWeight { get; init; } = 0.5;

    /// <summary>Weight of a title match relative to a body match in article relevance.</summary>
    public double TitleWeight { get; init; } = 2.0;

    /// <summary>Lift for query terms standing close together in the sentence.</summary>
    public double ProximityWeight { get; init; } = 0.15;

    /// <summary>Lift for a sentence that can hold the kind of answer asked for (a date for "when").</summary>
    public double CueWeight { get; init; } = 0.12;

    /// <summary>Lift for sentences early in their article, where news puts its key facts.</summary>
    public double LeadWeight { get; init; } = 0.08;

    /// <summary>Share of a neighbouring sentence's score a sentence borrows (pronouns point back to it).</summary>
    public double NeighbourWeight { get; init; } = 0.15;

    /// <summary>Share of the previous sentence's score a sentence opening with a pronoun ("His goal …") borrows.</summary>
    public double PronounWeight { get; init; } = 0.4;

    /// <summary>Lift for covering more of the question's weight, counting the paragraph neighbours and the title.</summary>
    public double CoverageWeight { get; init; } = 0.3;

    /// <summary>How many sentences go on to the finer re-ranking.</summary>
    public int Candidates { get; init; } = 64;
}
