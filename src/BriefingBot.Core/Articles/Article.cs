namespace BriefingBot.Core.Articles;

/// <summary>
/// One article as loaded and cleaned. The body keeps the article's own wording and typography;
/// folding for matching happens in the text analyser, never here.
/// </summary>
public sealed record Article
{
    /// <summary>Stable id derived from the file name (plus the record's id or position for JSON arrays and JSONL).</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary>Cleaned body text; paragraphs separated by one blank line. The title is not repeated here.</summary>
    public required string Body { get; init; }

    public string? SourceUrl { get; init; }

    public string? Outlet { get; init; }

    public string? Author { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>
    /// When the file holding the article last changed. Not a publication date (never shown as one): it tells an
    /// undated article that was already there before a restart from one that was just added.
    /// </summary>
    public DateTimeOffset? SourceModifiedAt { get; init; }

    /// <summary>
    /// A feed item that was already in its feed when the feed was subscribed (or older than the configured age):
    /// answerable and searchable like any article, but not news, so a new feed's back catalogue never floods a digest.
    /// </summary>
    public bool IsBackCatalogue { get; init; }

    /// <summary>Where the article came from, relative to the content folder (e.g. <c>news.jsonl#12</c>).</summary>
    public required string SourcePath { get; init; }

    /// <summary>SHA-256 (hex) of title and body; tells a reload whether an article changed.</summary>
    public required string ContentHash { get; init; }

    public required int WordCount { get; init; }

    /// <summary>Reading time at 230 words a minute, at least one minute.</summary>
    public TimeSpan ReadingTime => TimeSpan.FromMinutes(Math.Max(1, Math.Ceiling(WordCount / 230.0)));

    public IReadOnlyList<string> Paragraphs =>
        Body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
