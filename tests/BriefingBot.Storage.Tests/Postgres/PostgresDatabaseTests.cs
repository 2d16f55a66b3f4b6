using BriefingBot.Storage.Postgres;
using BriefingBot.Testing;
using BriefingBot.Testing.Postgres;
using Npgsql;

namespace BriefingBot.Storage.Tests.Postgres;

[Collection(PostgresServer.CollectionName)]
public sealed class PostgresDatabaseTests(PostgresServer server) : IAsyncLifetime
{
    private PostgresTempDatabase? _temp;

    private PostgresTempDatabase Temp => _temp!;

    private static CancellationToken Ct => TestTimeout.Token();

    public async Task InitializeAsync() => _temp = await PostgresTempDatabase.CreateAsync(server, cancellationToken: Ct);

    public async Task DisposeAsync()
    {
        if (_temp is not null)
        {
            await _temp.DisposeAsync();
        }
    }

    [PostgresFact]
    public async Task EnsureCreatedAsync_EmptyDatabase_AppliesEveryMigrationOnceAndRecordsIt()
    {
        await Temp.Database.EnsureCreatedAsync(Ct);

        var applied = await MigrationRowsAsync();
        Assert.Equal(PostgresMigrations.All.Select(m => (m.Version, m.Description)), applied);
        Assert.Equal(PostgresMigrations.All[^1].Version, await Temp.Database.GetSchemaVersionAsync(Ct));
        Assert.Equal(3L, await ScalarAsync<long>("SELECT count(*) FROM information_schema.tables WHERE table_name IN ('subscriptions', 'delivery_attempts', 'feed_items');"));
    }

    [PostgresFact]
    public async Task EnsureCreatedAsync_AgainAndAfterRestart_ChangesNothing()
    {
        await Temp.Subscriptions.SaveAsync(TempDatabase.Subscription(1, 10), Ct);
        var appliedAt = await ScalarAsync<DateTime>("SELECT max(applied_at) FROM schema_migrations;");

        await Temp.Database.EnsureCreatedAsync(Ct);
        var reopened = await Temp.ReopenAsync();
        await reopened.EnsureCreatedAsync(Ct);

        Assert.Equal(PostgresMigrations.All.Count, (await MigrationRowsAsync()).Count);
        Assert.Equal(appliedAt, await ScalarAsync<DateTime>("SELECT max(applied_at) FROM schema_migrations;"));
        Assert.Single(await Temp.Subscriptions.ListAsync(1, Ct));
    }

    [PostgresFact]
    public async Task EnsureCreatedAsync_DatabaseAtOlderVersion_MigratesForwardAndKeepsRows()
    {
        var old = await Temp.ReopenAsync(PostgresMigrations.All.Take(1).ToArray());
        await old.EnsureCreatedAsync(Ct);
        await ExecuteAsync("INSERT INTO audit_log (at, guild_id, user_id, user_name, action, detail, outcome) VALUES ('2026-01-01T00:00:00Z', 1, 2, 'mod', 'reload', '', 'ok');");
        Assert.Equal(1, await old.GetSchemaVersionAsync(Ct));

        var current = await Temp.ReopenAsync();
        await current.EnsureCreatedAsync(Ct);

        Assert.Equal(current.LatestVersion, await current.GetSchemaVersionAsync(Ct));
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM audit_log;"));
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_audit_log_guild_at';"));
    }

    [PostgresFact]
    public async Task EnsureCreatedAsync_DatabaseFromNewerBuild_RefusesWithVersionsInMessage()
    {
        await Temp.Database.EnsureCreatedAsync(Ct);
        await ExecuteAsync("INSERT INTO schema_migrations (version, description) VALUES (99, 'from the future');");

        var reopened = await Temp.ReopenAsync();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => reopened.EnsureCreatedAsync(Ct));

        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task EnsureCreatedAsync_MigrationFailsHalfway_LeavesPreviousVersionUsable()
    {
        var broken = PostgresMigrations.All.Append(new PostgresMigration(99, "broken", "CREATE TABLE extra (x integer); THIS IS NOT SQL;")).ToArray();
        var database = await Temp.ReopenAsync(broken);

        await Assert.ThrowsAsync<PostgresException>(() => database.EnsureCreatedAsync(Ct));

        var fixedUp = await Temp.ReopenAsync();
        await fixedUp.EnsureCreatedAsync(Ct);
        Assert.Equal(fixedUp.LatestVersion, await fixedUp.GetSchemaVersionAsync(Ct));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM information_schema.tables WHERE table_name = 'extra';"));

        // The advisory lock went back with the failed attempt, or this second migrator would have waited forever.
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory';"));
    }

    [PostgresFact]
    public async Task EnsureCreatedAsync_SeveralInstancesStartingTogether_ApplyEachStepOnce()
    {
        // Separate database objects are separate pools, so separate sessions: as separate processes would be.
        var instances = Enumerable.Range(0, 6).Select(_ => Temp.Open()).ToArray();
        try
        {
            using var go = new SemaphoreSlim(0);
            var starts = instances.Select(async database =>
            {
                await go.WaitAsync(Ct);
                await database.EnsureCreatedAsync(Ct);
            }).ToArray();
            go.Release(instances.Length);
            await Task.WhenAll(starts);

            Assert.Equal(PostgresMigrations.All.Select(m => (m.Version, m.Description)), await MigrationRowsAsync());
            foreach (var database in instances)
            {
                Assert.Equal(database.LatestVersion, await database.GetSchemaVersionAsync(Ct));
            }
        }
        finally
        {
            foreach (var database in instances)
            {
                await database.DisposeAsync();
            }
        }
    }

    private async Task<List<(int Version, string Description)>> MigrationRowsAsync()
    {
        await using var command = Temp.Database.DataSource.CreateCommand("SELECT version, description FROM schema_migrations ORDER BY version;");
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<(int, string)>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add((reader.GetInt32(0), reader.GetString(1)));
        }

        return rows;
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = Temp.Database.DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = Temp.Database.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(Ct);
    }
}
