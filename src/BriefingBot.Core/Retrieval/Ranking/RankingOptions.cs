namespace BriefingBot.Core.Retrieval.Ranking;

/// <summary>
/// The knobs of sentence ranking. Defaults come from the evaluation on public QA data (see the benchmark project);
/// change them there, against the numbers, not against single questions.
/// </summary>
/// <remarks>
/// Tuned with <c>--eval squad</c> and <c>--eval wikiqa</c> via <c>--set Name=value</c>, checked on the benchmark's
/// corpus-derived queries (<c>--quick</c>), which have no position bias and so guard against over-weighting the lead.
/// Each knob's measured effect: docs/tuning-history.md.
/// </remarks>
public sealed record RankingOptions
{
    public static RankingOptions Default { get; } = new();

    /// <summary>BM25 term-frequency saturation for sentences; a sentence rarely repeats a word, so saturate early.</summary>
    public double K1 { get; init; } = 0.7;

    /// <summary>BM25 length normalisation for sentences; sentences vary less than documents, so it is lowered.</summary>
    public double B { get; init; } = 0.3;

    /// <summary>How much the article's own relevance (title and body) lifts its sentences.</summary>
    public double ArticleWeight { get; init; } = 0.5;

    /// <summary>Weight of a title match relative to a body match in article relevance.</summary>
    public double TitleWeight { get; init; } = 2.0;

    /// <summary>
    /// Factor on a query term's sentence score when the term is in the sentence's article title. The article's own
    /// relevance already counts a title match; in the sentence, the subject's name ("Super Bowl 50") says little
    /// about which of its sentences holds the answer, and would otherwise hand every question about the article to
    /// whichever sentence repeats the name most, usually the first.
    /// </summary>
    public double TitleTermFactor { get; init; } = 0.25;

    /// <summary>
    /// How many of the article's sentences must mention a title term before it counts as the subject for
    /// <see cref="TitleTermFactor"/>: "Report:" or "opens" in a headline is mentioned once or twice, a subject's
    /// name runs through the text.
    /// </summary>
    public int SubjectMentions { get; init; } = 3;

    /// <summary>Factor for a "sentence" without closing punctuation: an image caption, a heading, a list entry.</summary>
    /// <remarks>See <see cref="SentenceEnding"/> for what counts as closed.</remarks>
    public double FragmentFactor { get; init; } = 0.5;

    /// <summary>Lift for query terms standing close together in the sentence.</summary>
    public double ProximityWeight { get; init; } = 0.15;

    /// <summary>Lift for a sentence that can hold the kind of answer asked for (a date for "when").</summary>
    public double CueWeight { get; init; } = 0.35;

    /// <summary>Lift for sentences early in their article, where news puts its key facts.</summary>
    public double LeadWeight { get; init; } = 0.3;

    /// <summary>
    /// Lift for sentences early in their paragraph: a paragraph's opening sentence names its subject and often holds
    /// the fact a question asks for (the article lead alone misses paragraphs deep in long pages).
    /// </summary>
    public double ParagraphLeadWeight { get; init; } = 0.1;

    /// <summary>
    /// Lift for an article's opening sentences when the question is about the article's subject, i.e. its words are
    /// the title's ("what is a glacier cave?" on "Glacier cave"): the opening sentence defines the subject. Scaled by
    /// the share of the question's weight the title covers, so fact questions that merely mention the subject are
    /// barely moved.
    /// </summary>
    public double SubjectLeadWeight { get; init; } = 2.0;

    /// <summary>
    /// Share of the question's weight the title must cover before <see cref="SubjectLeadWeight"/> starts to apply (it
    /// then grows linearly to full at 100%): a question that names the story and asks about a detail of it is not a
    /// question about the subject itself.
    /// </summary>
    public double SubjectShareFloor { get; init; } = 0.7;

    /// <summary>Share of a neighbouring sentence's score a sentence borrows (pronouns point back to it).</summary>
    public double NeighbourWeight { get; init; } = 0.15;

    /// <summary>Share of the previous sentence's score a sentence opening with a pronoun ("His goal …") borrows.</summary>
    public double PronounWeight { get; init; } = 0.4;

    /// <summary>Lift for covering more of the question's weight, counting the paragraph neighbours and the title.</summary>
    public double CoverageWeight { get; init; } = 0.7;

    /// <summary>
    /// Terms in more sentences than this ("said", "year", "mln" in a large news archive) only add to sentences a rarer
    /// query term already matched, instead of making every one of their sentences a candidate, and are left out of
    /// article relevance (their article-level inverse frequency is near zero). A sentence matching nothing but such
    /// words almost never wins, and skipping them keeps a 100k-article query in a few milliseconds.
    /// No term of the SQuAD collection (10k sentences) reaches it, so the quality figures do not depend on it.
    /// </summary>
    public int CommonTermPostings { get; init; } = 10_000;

    /// <summary>How many sentences go on to the finer re-ranking.</summary>
    public int Candidates { get; init; } = 64;
}
