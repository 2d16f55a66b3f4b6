using BriefingBot.Core.Store;

namespace BriefingBot.Commands.Auditing;

/// <summary>Words a reload for the audit log the same way whoever started it (a moderator or the file watcher).</summary>
public static class ReloadAudit
{
    public const string Action = "reload";

    public static AuditEntry Entry(ReloadReport report, DateTimeOffset at, ulong? guildId, ulong userId, string userName)
    {
        var detail = report.Status == ReloadStatus.Reloaded
            ? $"{report.ArticleCount} articles: {report.Added.Count} added, {report.Changed.Count} changed, {report.Removed.Count} removed, {report.Skipped.Count} skipped"
            : string.Empty;
        var outcome = report.Status switch
        {
            ReloadStatus.Reloaded => "reloaded",
            ReloadStatus.AlreadyRunning => "refused: a reload was already running",
            _ => "failed, previous content kept: " + report.Failure,
        };
        return new AuditEntry(at, guildId, userId, userName, Action, detail, outcome);
    }
}
