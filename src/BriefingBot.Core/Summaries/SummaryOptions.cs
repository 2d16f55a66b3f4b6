namespace BriefingBot.Core.Summaries;

/// <summary>
/// Weights of the extractive summary score. Defaults were tuned on the CNN/DailyMail sample (benchmark project,
/// <c>--eval cnndm</c>) against lead-3 scored by the same ROUGE in the same run; change them there, against the numbers.
/// What each change measured, and what did not help: docs/tuning-history.md.
/// </summary>
public sealed record SummaryOptions
{
    public static SummaryOptions Default { get; } = new();

    /// <summary>Weight of position (1/√(1+i)): news puts its key facts first.</summary>
    public double PositionWeight { get; init; } = 2.0;

    /// <summary>
    /// Weight of centrality: how much of the article's important vocabulary the sentence carries. Inside the lead it
    /// decides which lead sentence to leave out; beyond it, <see cref="TailFactor"/> keeps it from pulling in long
    /// "central" sentences from the body.
    /// </summary>
    public double CentralityWeight { get; init; } = 0.6;

    /// <summary>Weight of the share of title words the sentence repeats.</summary>
    public double TitleWeight { get; init; } = 0.5;

    /// <summary>
    /// Factor for sentences that cannot stand alone (under five content words, or questions). Below
    /// <see cref="TailFactor"/>, so a question in the lead does not win over a real sentence after it (ROUGE-neutral:
    /// at 0.5, 4 of 250 three-sentence summaries carried a question; at 0.3, none).
    /// </summary>
    public double FragmentFactor { get; init; } = 0.3;

    /// <summary>
    /// Sentences with more content words than this are usually run-ons (photo captions glued to the text, lists) and
    /// read badly in a summary; they get <see cref="LongFactor"/>.
    /// </summary>
    public int LongSentenceTerms { get; init; } = 25;

    public double LongFactor { get; init; } = 0.6;

    /// <summary>
    /// The news lead: the first sentences, where a summary's sentences almost always come from (on CNN/DM the 5th
    /// sentence onwards is in the best-scoring set less than half as often as any of the first four).
    /// </summary>
    public int LeadSentences { get; init; } = 4;

    /// <summary>Factor for sentences after the lead: they still come in for longer summaries, or when they stand out.</summary>
    public double TailFactor { get; init; } = 0.5;

    /// <summary>
    /// A sentence sharing at least this share of the smaller sentence's distinct content words with one already chosen
    /// is a near-repeat (a caption restating the lead) and is skipped. Lower values start dropping sentences that
    /// merely share the story's names.
    /// </summary>
    public double DuplicateShare { get; init; } = 0.8;
}
