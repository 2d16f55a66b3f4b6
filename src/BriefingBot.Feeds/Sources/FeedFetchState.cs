namespace BriefingBot.Feeds.Sources;

/// <summary>What the poller remembers about a feed between polls (and restarts): validators, schedule, failures.</summary>
public sealed record FeedFetchState
{
    /// <summary>The feed's own title, used as the outlet of its articles.</summary>
    public string? Title { get; init; }

    public string? ETag { get; init; }

    public string? LastModified { get; init; }

    public DateTimeOffset? LastPolledAt { get; init; }

    public DateTimeOffset? LastSuccessAt { get; init; }

    /// <summary>When the next poll is due; null means now.</summary>
    public DateTimeOffset? NextPollAt { get; init; }

    /// <summary>A server's Retry-After: no request to this feed before then, not even /sources refresh.</summary>
    public DateTimeOffset? RetryNotBefore { get; init; }

    public int ConsecutiveFailures { get; init; }

    public string? LastError { get; init; }

    public DateTimeOffset? LastErrorAt { get; init; }

    /// <summary>Why the feed stopped being polled; null while it is enabled.</summary>
    public string? DisabledReason { get; init; }

    /// <summary>Articles stored from this feed.</summary>
    public int ItemCount { get; init; }
}
