using System.Globalization;
using BriefingBot.Commands.Auditing;
using BriefingBot.Commands.Replies;
using BriefingBot.Core.Cluster;
using BriefingBot.Core.Semantics;
using BriefingBot.Core.Store;

namespace BriefingBot.Commands.Handlers;

/// <summary>
/// /reload (moderators): re-read the content folder, swap atomically, report what changed, privately. Every reload,
/// refused or failed ones included, goes to the audit log when one is registered (optional so hosts without storage still run).
/// With meaning on, the report says how many sentences the vector cache already covered. A successful reload is
/// announced to the other instances sharing this one's database, which reload the same folder.
/// </summary>
public sealed class ReloadHandler(
    ContentReloader reloader,
    IAuditLog? audit = null,
    TimeProvider? timeProvider = null,
    IEmbeddingProgress? embedding = null,
    IContentChangeBroadcast? broadcast = null) : ICommandHandler
{
    private const int ListedItems = 10;

    public CommandDefinition Definition { get; } = new("reload", "Reload the articles from the content folder (moderators)")
    {
        ModeratorOnly = true,
        Defer = true,
        EphemeralByDefault = true,
    };

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var report = await reloader.ReloadAsync(cancellationToken);
        if (report.Status == ReloadStatus.Reloaded && broadcast is not null)
        {
            await broadcast.PublishAsync(ContentChange.Folder, cancellationToken);
        }

        if (report.Status == ReloadStatus.Reloaded && embedding?.Current() is { } vectors)
        {
            report = report with { Vectors = vectors };
        }

        if (audit is not null)
        {
            var caller = request.Caller;
            await audit.RecordAsync(ReloadAudit.Entry(report, (timeProvider ?? TimeProvider.System).GetUtcNow(), caller.GuildId, caller.UserId, caller.DisplayName), cancellationToken);
        }

        return new Reply { Content = Describe(report), Ephemeral = true, Kind = report.Status == ReloadStatus.Reloaded ? ReplyKind.Success : ReplyKind.Problem, Data = report };
    }

    public static string Describe(ReloadReport report)
    {
        switch (report.Status)
        {
            case ReloadStatus.AlreadyRunning:
                return "A reload is already running; try again in a moment.";
            case ReloadStatus.Failed:
                var failed = $"Reload failed: {report.Failure}. The previous {report.ArticleCount:N0} articles keep serving.";
                return report.Skipped.Count > 0 ? failed + "\n" + Problems(report) : failed;
        }

        var lines = new List<string>
        {
            $"Reloaded {report.ArticleCount:N0} articles in {report.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s: "
                + $"{report.Added.Count} added, {report.Changed.Count} changed, {report.Removed.Count} removed, {report.Skipped.Count} skipped.",
        };
        AddList(lines, "Added", report.Added);
        AddList(lines, "Changed", report.Changed);
        AddList(lines, "Removed", report.Removed);
        if (report.Skipped.Count > 0)
        {
            lines.Add(Problems(report));
        }

        if (report.KeptPrevious.Count > 0)
        {
            lines.Add($"Kept the previous version of: {string.Join(", ", report.KeptPrevious.Select(MarkdownText.Escape))} (fix the file and reload).");
        }

        if (report.Vectors is { } vectors)
        {
            lines.Add(vectors.IsComplete
                ? $"Meaning: all {vectors.Sentences:N0} sentences and titles have vectors ({vectors.FromCache:N0} from the cache)."
                : $"Meaning: {vectors.FromCache:N0} of {vectors.Sentences:N0} sentences and titles had vectors in the cache; the other {vectors.Sentences - vectors.FromCache:N0} are being embedded in the background.");
        }

        return string.Join("\n", lines);
    }

    private static string Problems(ReloadReport report) =>
        "Skipped:\n" + string.Join("\n", report.Skipped.Take(ListedItems).Select(p => $"• {MarkdownText.Escape(p.Source)}: {p.Reason}"))
        + (report.Skipped.Count > ListedItems ? $"\n…and {report.Skipped.Count - ListedItems} more (see the log)." : string.Empty);

    private static void AddList(List<string> lines, string label, IReadOnlyList<string> ids)
    {
        if (ids.Count > 0)
        {
            // Article ids come from file names ("000_7686…"), whose underscores Discord and the console would read as italics.
            lines.Add($"{label}: {string.Join(", ", ids.Take(ListedItems).Select(MarkdownText.Escape))}{(ids.Count > ListedItems ? $" and {ids.Count - ListedItems} more" : string.Empty)}");
        }
    }
}
