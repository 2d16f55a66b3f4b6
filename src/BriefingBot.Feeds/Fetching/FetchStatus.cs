namespace BriefingBot.Feeds.Fetching;

public enum FetchStatus
{
    /// <summary>A body arrived within the limits.</summary>
    Ok,

    /// <summary>304: the validators matched, nothing was downloaded.</summary>
    NotModified,

    /// <summary>Refused, timed out, too big, wrong type, an HTTP error: <see cref="FetchResult.Error"/> says which.</summary>
    Failed,
}
