namespace BriefingBot.Commands.Auditing;

/// <summary>Durable record of moderator actions (reloads, subscription changes). Handlers write; moderators read.</summary>
public interface IAuditLog
{
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Newest first: the guild's own entries plus those made outside any guild (file watcher, console).</summary>
    Task<IReadOnlyList<AuditEntry>> RecentAsync(ulong? guildId, int max, CancellationToken cancellationToken);
}
