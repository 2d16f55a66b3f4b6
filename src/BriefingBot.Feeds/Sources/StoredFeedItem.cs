namespace BriefingBot.Feeds.Sources;

/// <summary>
/// One feed item as kept in the state database: the finished article's fields (so a restart neither refetches nor
/// re-cleans it) and the keys that find it again (GUID, normalised URL, hashes).
/// </summary>
public sealed record StoredFeedItem
{
    public required long SourceId { get; init; }

    /// <summary>The item's GUID/id, else its normalised link: how the feed names it.</summary>
    public required string ItemKey { get; init; }

    /// <summary>The link without fragment or utm_* parameters; null when the item has none.</summary>
    public string? NormalizedUrl { get; init; }

    /// <summary>Hash of the item as the feed carried it: unchanged means nothing to do, not even a page fetch.</summary>
    public required string ItemHash { get; init; }

    public required string ArticleId { get; init; }

    public required string Title { get; init; }

    public required string Body { get; init; }

    /// <summary>Hash of the cleaned title and body (the article's content hash): the same story under another URL.</summary>
    public required string ContentHash { get; init; }

    public required int WordCount { get; init; }

    public string? Url { get; init; }

    public string? Outlet { get; init; }

    public string? Author { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public bool IsBackCatalogue { get; init; }

    public required DateTimeOffset FirstSeenAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}
