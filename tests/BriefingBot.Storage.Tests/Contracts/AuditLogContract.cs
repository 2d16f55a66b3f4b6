using BriefingBot.Commands.Auditing;
using BriefingBot.Testing.Postgres;

namespace BriefingBot.Storage.Tests.Contracts;

/// <summary>What every IAuditLog must do: append, then read a guild's own and global entries newest first.</summary>
public abstract class AuditLogContract : StoreContract
{
    [PostgresFact]
    public async Task RecentAsync_MixedGuilds_ReturnsOwnAndGlobalEntriesNewestFirst()
    {
        var at = Clock.GetUtcNow();
        await Audit.RecordAsync(new AuditEntry(at, 1, 5, "alice", "digest-schedule add", "#10 at 08:00 Europe/London", "created"), Ct);
        await Audit.RecordAsync(new AuditEntry(at.AddMinutes(1), 2, 6, "bob", "reload", "", "reloaded"), Ct);
        await Audit.RecordAsync(new AuditEntry(at.AddMinutes(2), null, 0, AuditUsers.FileWatcher, "reload", "content changed", "reloaded"), Ct);

        await Provider.RestartAsync();
        var recent = await Audit.RecentAsync(1, 10, Ct);

        Assert.Equal([AuditUsers.FileWatcher, "alice"], recent.Select(e => e.UserName));
        Assert.Equal("#10 at 08:00 Europe/London", recent[1].Detail);
        Assert.Equal(at, recent[1].At);
    }

    [PostgresFact]
    public async Task RecentAsync_MoreThanMax_ReturnsTheNewest()
    {
        var at = Clock.GetUtcNow();
        for (var i = 0; i < 5; i++)
        {
            await Audit.RecordAsync(new AuditEntry(at.AddMinutes(i), 1, 5, "alice", "reload", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "ok"), Ct);
        }

        var recent = await Audit.RecentAsync(1, 2, Ct);

        Assert.Equal(["4", "3"], recent.Select(e => e.Detail));
    }
}
