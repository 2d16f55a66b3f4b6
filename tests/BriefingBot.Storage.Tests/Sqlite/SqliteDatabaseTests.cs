using BriefingBot.Storage.Sqlite;
using BriefingBot.Testing;
using Microsoft.Data.Sqlite;

namespace BriefingBot.Storage.Tests.Sqlite;

public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly TempDatabase _temp = new();

    private static CancellationToken Ct => TestTimeout.Token();

    [Fact]
    public async Task OpenAsync_MissingFolder_CreatesFolderFileWalAndLatestSchema()
    {
        await using var connection = await _temp.Database.OpenAsync(Ct);

        Assert.True(File.Exists(_temp.FilePath));
        Assert.Equal(SqliteMigrations.All[^1].Version, await _temp.Database.GetSchemaVersionAsync(Ct));
        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task OpenAsync_DatabaseAtOlderVersion_MigratesForwardAndKeepsRows()
    {
        var old = _temp.Reopen(SqliteMigrations.All.Take(1).ToArray());
        await using (var connection = await old.OpenAsync(Ct))
        {
            await ExecuteAsync(connection, "INSERT INTO audit_log (at, guild_id, user_id, user_name, action, detail, outcome) VALUES ('2026-01-01T00:00:00Z', 1, 2, 'mod', 'reload', '', 'ok');");
        }

        Assert.Equal(1, await old.GetSchemaVersionAsync(Ct));

        var current = _temp.Reopen();
        await using var reopened = await current.OpenAsync(Ct);

        Assert.Equal(current.LatestVersion, await current.GetSchemaVersionAsync(Ct));
        Assert.Equal("1", await ScalarAsync(reopened, "SELECT COUNT(*) FROM audit_log;"));
        Assert.Equal("1", await ScalarAsync(reopened, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'ix_audit_log_guild_at';"));
    }

    [Fact]
    public async Task OpenAsync_DatabaseFromNewerBuild_RefusesWithVersionsInMessage()
    {
        await using (var connection = await _temp.Database.OpenAsync(Ct))
        {
            await ExecuteAsync(connection, "PRAGMA user_version = 99;");
        }

        var reopened = _temp.Reopen();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => reopened.OpenAsync(Ct));

        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_MigrationFailsHalfway_LeavesPreviousVersionUsable()
    {
        var broken = SqliteMigrations.All.Append(new SqliteMigration(99, "broken", "CREATE TABLE extra (x INTEGER); THIS IS NOT SQL;")).ToArray();
        var database = _temp.Reopen(broken);

        await Assert.ThrowsAsync<SqliteException>(() => database.OpenAsync(Ct));

        var fixedUp = _temp.Reopen();
        await using var connection = await fixedUp.OpenAsync(Ct);
        Assert.Equal(fixedUp.LatestVersion, await fixedUp.GetSchemaVersionAsync(Ct));
        Assert.Equal("0", await ScalarAsync(connection, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'extra';"));
    }

    [Fact]
    public async Task Reopen_ConnectionDroppedMidTransaction_KeepsCommittedRowsOnly()
    {
        var subscriptions = _temp.Subscriptions;
        await subscriptions.SaveAsync(TempDatabase.Subscription(1, 10), Ct);

        // A crash mid-write: the transaction is never committed and the connection goes away with it.
        var connection = await _temp.Database.OpenAsync(Ct);
        var transaction = connection.BeginTransaction();
        await ExecuteAsync(connection, """
            INSERT INTO subscriptions (guild_id, channel_id, local_time, time_zone, active_since, changed_by, created_at, updated_at)
            VALUES (1, 11, '09:00', 'UTC', '2026-01-01T00:00:00Z', 'x', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
            """, transaction);
        await connection.DisposeAsync();

        _temp.Reopen();
        var list = await _temp.Subscriptions.ListAsync(1, Ct);

        Assert.Equal([10UL], list.Select(s => s.ChannelId));
    }

    [Fact]
    public async Task Reopen_FilesCopiedWhileWriterStillOpen_HaveEveryCommittedRow()
    {
        await _temp.Subscriptions.SaveAsync(TempDatabase.Subscription(1, 10), Ct);

        // Freeze the files as a killed process would leave them: a connection still open, nothing checkpointed.
        await using var writer = await _temp.Database.OpenAsync(Ct);
        await _temp.Subscriptions.SaveAsync(TempDatabase.Subscription(1, 11), Ct);
        var crashed = Path.Combine(_temp.Folder, "crashed", "state.db");
        Directory.CreateDirectory(Path.GetDirectoryName(crashed)!);
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            if (File.Exists(_temp.FilePath + suffix))
            {
                File.Copy(_temp.FilePath + suffix, crashed + suffix);
            }
        }

        using var recovered = _temp.Open(path: crashed);
        var list = await new SqliteSubscriptionStore(recovered, TempDatabase.Zones, _temp.Clock).ListAsync(1, Ct);

        Assert.Equal([10UL, 11UL], list.Select(s => s.ChannelId).Order());
    }

    public void Dispose() => _temp.Dispose();

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(Ct);
    }
}
