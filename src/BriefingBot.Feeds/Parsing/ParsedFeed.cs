namespace BriefingBot.Feeds.Parsing;

/// <summary>A feed document read: its title (the outlet of its articles), its items, or why it could not be read.</summary>
public sealed record ParsedFeed(string? Title, IReadOnlyList<FeedEntry> Items)
{
    /// <summary>Why the document is not a feed we can read; null when it parsed.</summary>
    public string? Error { get; init; }

    public static ParsedFeed Failed(string error) => new(null, []) { Error = error };
}
