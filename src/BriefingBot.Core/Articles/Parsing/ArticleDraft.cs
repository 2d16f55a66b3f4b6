namespace BriefingBot.Core.Articles.Parsing;

/// <summary>What a parser found in a file or record, before cleaning, normalising and id allocation.</summary>
internal sealed record ArticleDraft
{
    /// <summary>Where it came from, e.g. <c>news.jsonl#12</c>; doubles as the problem source.</summary>
    public required string SourcePath { get; init; }

    /// <summary>Unslugged id, e.g. <c>bbc-news-2225-business/001</c>; the allocator slugs it and resolves collisions.</summary>
    public required string IdBase { get; init; }

    public required LineBreakStyle Layout { get; init; }

    public string? Title { get; init; }

    public string? Body { get; init; }

    public string? SourceUrl { get; init; }

    public string? Outlet { get; init; }

    public string? Author { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];
}
