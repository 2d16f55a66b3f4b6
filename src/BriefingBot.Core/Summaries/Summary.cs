namespace BriefingBot.Core.Summaries;

/// <summary>An extractive summary: sentences of the article itself, in the article's order.</summary>
public sealed record Summary(string ArticleId, string Title, IReadOnlyList<string> Sentences, SummaryLength Length)
{
    public string Text => string.Join(" ", Sentences);

    /// <summary>True when the summary is the whole article (it was shorter than the length asked for).</summary>
    public bool IsWholeArticle { get; init; }
}
