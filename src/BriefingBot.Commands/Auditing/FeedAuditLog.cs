using BriefingBot.Feeds.Sources;

namespace BriefingBot.Commands.Auditing;

/// <summary>Records what the feed poller does by itself (disabling a failing feed) in the audit log, outside any guild.</summary>
public sealed class FeedAuditLog(IAuditLog audit, TimeProvider timeProvider) : IFeedAudit
{
    public Task FeedDisabledAsync(FeedSource source, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return audit.RecordAsync(
            new AuditEntry(timeProvider.GetUtcNow(), null, 0, AuditUsers.FeedPoller, "sources disable", $"#{source.Id} {source.DisplayName} ({source.Url})", "disabled: " + reason),
            cancellationToken);
    }
}
