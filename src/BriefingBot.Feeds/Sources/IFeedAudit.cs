namespace BriefingBot.Feeds.Sources;

/// <summary>
/// Where the poller records what it did by itself (disabling a failing feed), beside moderators' changes. The
/// commands layer implements it over its audit log; Feeds does not know that log.
/// </summary>
public interface IFeedAudit
{
    Task FeedDisabledAsync(FeedSource source, string reason, CancellationToken cancellationToken);
}
