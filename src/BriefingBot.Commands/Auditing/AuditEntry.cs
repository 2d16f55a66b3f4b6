namespace BriefingBot.Commands.Auditing;

/// <summary>
/// One recorded change: who did what, when, and how it went. <c>GuildId</c> is null for changes made outside any
/// guild (file watcher); <c>Action</c> is a short verb (<c>reload</c>, <c>digest-schedule add</c>); <c>Detail</c> says
/// what changed and never contains secrets; <c>Outcome</c> says how it went (<c>created</c>, <c>refused: already running</c>).
/// </summary>
public sealed record AuditEntry(DateTimeOffset At, ulong? GuildId, ulong UserId, string UserName, string Action, string Detail, string Outcome)
{
    public long Id { get; init; }
}
