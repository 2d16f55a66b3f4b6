namespace BriefingBot.Feeds.Parsing;

/// <summary>One item of a feed as the feed carries it, whatever the format.</summary>
public sealed record FeedEntry
{
    /// <summary>RSS guid, Atom id, JSON Feed id; null when the item has none.</summary>
    public string? Id { get; init; }

    public string? Link { get; init; }

    public string? Title { get; init; }

    /// <summary>The item's description or summary (HTML unless <see cref="IsHtml"/> is false).</summary>
    public string? Summary { get; init; }

    /// <summary>The full content when the feed carries it (content:encoded, Atom content, content_html).</summary>
    public string? Content { get; init; }

    public bool IsHtml { get; init; } = true;

    public string? Author { get; init; }

    public DateTimeOffset? Published { get; init; }

    public IReadOnlyList<string> Categories { get; init; } = [];
}
