using BriefingBot.Storage.Postgres;
using Microsoft.Extensions.Logging.Abstractions;

namespace BriefingBot.Testing.Postgres;

/// <summary>
/// A fresh, randomly named database on the shared <see cref="PostgresServer"/>, dropped afterwards: the PostgreSQL
/// twin of <see cref="TempDatabase"/>. <see cref="ReopenAsync"/> simulates a restart (a new pool, the same data).
/// </summary>
public sealed class PostgresTempDatabase : IAsyncDisposable
{
    private readonly PostgresServer _server;

    private PostgresTempDatabase(PostgresServer server, string connectionString, TimerAwareFakeTimeProvider clock)
    {
        _server = server;
        ConnectionString = connectionString;
        Clock = clock;
        Database = Open();
    }

    public string ConnectionString { get; }

    public TimerAwareFakeTimeProvider Clock { get; }

    public PostgresDatabase Database { get; private set; }

    public PostgresSubscriptionStore Subscriptions => new(Database, TempDatabase.Zones, Clock);

    public PostgresDeliveryLedger Ledger => new(Database);

    public PostgresAuditLog Audit => new(Database);

    public PostgresFeedSourceStore FeedSources => new(Database);

    public PostgresFeedItemStore FeedItems => new(Database);

    public static async Task<PostgresTempDatabase> CreateAsync(PostgresServer server, TimerAwareFakeTimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        var connectionString = await server.CreateDatabaseAsync(cancellationToken);
        return new PostgresTempDatabase(server, connectionString, clock ?? new TimerAwareFakeTimeProvider(new DateTimeOffset(2026, 7, 1, 6, 0, 0, TimeSpan.Zero)));
    }

    /// <summary>Another database object over the same data, as a second process or a restarted one would have. The caller disposes it.</summary>
    public PostgresDatabase Open(IReadOnlyList<PostgresMigration>? migrations = null) =>
        new(ConnectionString, migrations ?? PostgresMigrations.All, NullLogger.Instance);

    public async Task<PostgresDatabase> ReopenAsync(IReadOnlyList<PostgresMigration>? migrations = null)
    {
        await Database.DisposeAsync();
        Database = Open(migrations);
        return Database;
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        await _server.DropDatabaseAsync(ConnectionString, TestTimeout.Token());
    }
}
