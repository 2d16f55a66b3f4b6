using BriefingBot.Commands.Scheduling;
using BriefingBot.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace BriefingBot.Testing;

/// <summary>A real database file in a fresh temp folder, deleted afterwards. <see cref="Reopen"/> simulates a restart.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase(TimerAwareFakeTimeProvider? clock = null, IReadOnlyList<SqliteMigration>? migrations = null)
    {
        Folder = Path.Combine(Path.GetTempPath(), "briefingbot-tests", Guid.NewGuid().ToString("N"));
        FilePath = Path.Combine(Folder, "nested", "state.db");
        Clock = clock ?? new TimerAwareFakeTimeProvider(new DateTimeOffset(2026, 7, 1, 6, 0, 0, TimeSpan.Zero));
        Database = Open(migrations);
    }

    public static TimeZoneCatalog Zones { get; } = new();

    public string Folder { get; }

    public string FilePath { get; }

    public TimerAwareFakeTimeProvider Clock { get; }

    public SqliteDatabase Database { get; private set; }

    public SqliteSubscriptionStore Subscriptions => new(Database, Zones, Clock);

    public SqliteDeliveryLedger Ledger => new(Database);

    public SqliteAuditLog Audit => new(Database);

    /// <summary>A new database object over the same file, as a restarted process would have.</summary>
    public SqliteDatabase Reopen(IReadOnlyList<SqliteMigration>? migrations = null)
    {
        Database.Dispose();
        Database = Open(migrations);
        return Database;
    }

    public SqliteDatabase Open(IReadOnlyList<SqliteMigration>? migrations = null, string? path = null) =>
        new(path ?? FilePath, TimeSpan.FromSeconds(5), migrations ?? SqliteMigrations.All, NullLogger.Instance);

    public static DigestSubscription Subscription(ulong guild, ulong channel, string time = "08:00", string zone = "Europe/London")
    {
        Assert.True(DailyPostTime.TryCreate(time, zone, Zones, out var schedule, out var problem), problem);
        return new DigestSubscription(guild, channel, schedule!) { ChangedBy = "mod" };
    }

    public void Dispose()
    {
        Database.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the test over it would not be.
        }
    }
}
