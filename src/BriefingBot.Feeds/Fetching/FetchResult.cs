namespace BriefingBot.Feeds.Fetching;

/// <summary>One fetch's outcome: the body and validators, 304, or why it failed in words a moderator understands.</summary>
public sealed record FetchResult(FetchStatus Status)
{
    public ReadOnlyMemory<byte> Body { get; init; }

    public string? ContentType { get; init; }

    public string? ETag { get; init; }

    public string? LastModified { get; init; }

    /// <summary>Where the body came from after redirects.</summary>
    public Uri? FinalUrl { get; init; }

    public string? Error { get; init; }

    /// <summary>How long the server asked us to wait (Retry-After on 429/503).</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static FetchResult Failed(string error, TimeSpan? retryAfter = null) => new(FetchStatus.Failed) { Error = error, RetryAfter = retryAfter };
}
