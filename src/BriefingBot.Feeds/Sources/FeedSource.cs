namespace BriefingBot.Feeds.Sources;

/// <summary>A subscribed feed: what it is (settings or a moderator said so) and how fetching it has gone.</summary>
public sealed record FeedSource
{
    /// <summary>Assigned by the store; 0 before the source is saved.</summary>
    public long Id { get; init; }

    public required string Url { get; init; }

    /// <summary>The name given when it was added; null means the feed's own title.</summary>
    public string? Name { get; init; }

    public required TimeSpan PollInterval { get; init; }

    /// <summary>Added to every article of this feed, beside the items' own categories.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    public FeedSourceOrigin Origin { get; init; }

    /// <summary>When it was subscribed: items published before count as back catalogue, not news.</summary>
    public required DateTimeOffset AddedAt { get; init; }

    public string AddedBy { get; init; } = string.Empty;

    public FeedFetchState State { get; init; } = new();

    public bool Enabled => State.DisabledReason is null;

    /// <summary>The name to show: the given one, else the feed's title, else the host.</summary>
    public string DisplayName => Name ?? State.Title ?? (Uri.TryCreate(Url, UriKind.Absolute, out var u) ? u.Host : Url);
}
