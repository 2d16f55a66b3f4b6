namespace BriefingBot.Feeds.Polling;

public enum PollOutcome
{
    /// <summary>The feed was read; <see cref="PollResult.Added"/> and <see cref="PollResult.Changed"/> say what it brought.</summary>
    Updated,

    /// <summary>304 Not Modified: nothing downloaded, nothing to do.</summary>
    NotModified,

    /// <summary>The poll failed; the feed backs off (and may now be disabled).</summary>
    Failed,

    /// <summary>Not polled: the server's Retry-After has not passed yet.</summary>
    Deferred,
}
