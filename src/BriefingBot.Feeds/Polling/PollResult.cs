namespace BriefingBot.Feeds.Polling;

/// <summary>What one poll of one feed did.</summary>
public sealed record PollResult(long SourceId, string SourceName, PollOutcome Outcome)
{
    public int Added { get; init; }

    public int Changed { get; init; }

    /// <summary>Items already stored under another GUID, URL or identical text.</summary>
    public int Duplicates { get; init; }

    /// <summary>Items with neither title nor text.</summary>
    public int Skipped { get; init; }

    public string? Error { get; init; }

    /// <summary>True when this failure disabled the feed.</summary>
    public bool Disabled { get; init; }

    public DateTimeOffset? NextPollAt { get; init; }

    /// <summary>Ids of the articles added or changed.</summary>
    public IReadOnlyList<string> ArticleIds { get; init; } = [];
}
