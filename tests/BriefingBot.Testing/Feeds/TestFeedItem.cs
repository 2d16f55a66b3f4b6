namespace BriefingBot.Testing.Feeds;

/// <summary>One item for <see cref="FeedDocuments"/>.</summary>
public sealed record TestFeedItem(string Title, DateTimeOffset Published)
{
    public string? Guid { get; init; }

    public string? Link { get; init; }

    public string? Summary { get; init; }

    public string? ContentHtml { get; init; }

    public string? Author { get; init; }

    public IReadOnlyList<string> Categories { get; init; } = [];
}
