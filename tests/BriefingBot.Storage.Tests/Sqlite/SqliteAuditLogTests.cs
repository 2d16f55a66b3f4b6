using BriefingBot.Commands.Auditing;
using BriefingBot.Testing;

namespace BriefingBot.Storage.Tests.Sqlite;

public sealed class SqliteAuditLogTests : IDisposable
{
    private readonly TempDatabase _temp = new();

    private static CancellationToken Ct => TestTimeout.Token();

    [Fact]
    public async Task RecentAsync_MixedGuilds_ReturnsOwnAndGlobalEntriesNewestFirst()
    {
        var at = _temp.Clock.GetUtcNow();
        await _temp.Audit.RecordAsync(new AuditEntry(at, 1, 5, "alice", "digest-schedule add", "#10 at 08:00 Europe/London", "created"), Ct);
        await _temp.Audit.RecordAsync(new AuditEntry(at.AddMinutes(1), 2, 6, "bob", "reload", "", "reloaded"), Ct);
        await _temp.Audit.RecordAsync(new AuditEntry(at.AddMinutes(2), null, 0, AuditUsers.FileWatcher, "reload", "content changed", "reloaded"), Ct);

        _temp.Reopen();
        var recent = await _temp.Audit.RecentAsync(1, 10, Ct);

        Assert.Equal([AuditUsers.FileWatcher, "alice"], recent.Select(e => e.UserName));
        Assert.Equal("#10 at 08:00 Europe/London", recent[1].Detail);
        Assert.Equal(at, recent[1].At);
    }

    [Fact]
    public async Task RecentAsync_MoreThanMax_ReturnsTheNewest()
    {
        var at = _temp.Clock.GetUtcNow();
        for (var i = 0; i < 5; i++)
        {
            await _temp.Audit.RecordAsync(new AuditEntry(at.AddMinutes(i), 1, 5, "alice", "reload", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "ok"), Ct);
        }

        var recent = await _temp.Audit.RecentAsync(1, 2, Ct);

        Assert.Equal(["4", "3"], recent.Select(e => e.Detail));
    }

    public void Dispose() => _temp.Dispose();
}
