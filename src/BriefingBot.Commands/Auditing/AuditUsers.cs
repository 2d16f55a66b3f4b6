namespace BriefingBot.Commands.Auditing;

/// <summary>Names for actors that are not people.</summary>
public static class AuditUsers
{
    public const string FileWatcher = "file watcher";

    public const string FeedPoller = "feed poller";
}
