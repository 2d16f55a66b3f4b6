namespace BriefingBot.Core.Articles;

/// <summary>
/// An article that did not come from a file (a feed item, a fetched page), before cleaning: the same fields a file
/// parser finds. <see cref="Body"/> is HTML when <see cref="BodyIsHtml"/> is set, else plain text.
/// </summary>
public sealed record ExternalArticle
{
    /// <summary>The final article id; the caller keeps it stable across restarts.</summary>
    public required string Id { get; init; }

    /// <summary>Where it came from, e.g. <c>feed:3#item-guid</c>; used in problems.</summary>
    public required string SourcePath { get; init; }

    public string? Title { get; init; }

    public string? Body { get; init; }

    public bool BodyIsHtml { get; init; }

    public string? SourceUrl { get; init; }

    public string? Outlet { get; init; }

    public string? Author { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];
}
