using System.Globalization;
using BriefingBot.Storage.Shared;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BriefingBot.Storage.Postgres;

/// <summary>
/// The shared state database on a PostgreSQL server. Connections come from one pooled <see cref="NpgsqlDataSource"/>.
/// On first use it migrates the schema forward under a session advisory lock, so several instances starting at once
/// apply each step exactly once; every step commits in its own transaction together with its
/// <c>schema_migrations</c> row.
/// </summary>
public sealed partial class PostgresDatabase : IStateDatabase, IAsyncDisposable, IDisposable
{
    // hashtextextended gives a stable 64-bit key from a readable name; other features (e.g. feed-poll leases) pick their own names.
    private const string MigrationLock = "SELECT pg_advisory_lock(hashtextextended('briefingbot:migrations', 0));";
    private const string MigrationUnlock = "SELECT pg_advisory_unlock(hashtextextended('briefingbot:migrations', 0));";

    private readonly IReadOnlyList<PostgresMigration> _migrations;
    private readonly ILogger _logger;
    private readonly InitializeOnce _initialized = new();

    public PostgresDatabase(IOptions<StorageOptions> options, ILogger<PostgresDatabase> logger)
        : this(options.Value.ConnectionString ?? string.Empty, PostgresMigrations.All, logger)
    {
    }

    internal PostgresDatabase(string connectionString, IReadOnlyList<PostgresMigration> migrations, ILogger logger)
    {
        _migrations = migrations;
        _logger = logger;
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            // Shows in pg_stat_activity, so an operator can tell the bot's sessions from others.
            builder.ApplicationName = "BriefingBot";
        }

        Description = string.Create(CultureInfo.InvariantCulture, $"PostgreSQL database '{builder.Database ?? builder.Username}' on {builder.Host}:{builder.Port}");
        ConnectionString = builder.ConnectionString;
        DataSource = new NpgsqlDataSourceBuilder(ConnectionString).Build();
    }

    /// <summary>
    /// The pooled data source every store uses. Features that need a connection of their own for longer than one
    /// call (LISTEN, session advisory locks) open it here, after <see cref="EnsureCreatedAsync"/>.
    /// </summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>The connection string in force, password included: for a dedicated connection, never for a log.</summary>
    public string ConnectionString { get; }

    public string Description { get; }

    public int LatestVersion => _migrations.Count == 0 ? 0 : _migrations[^1].Version;

    /// <summary>An open connection to a database at the latest schema version. The caller disposes it.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        return await DataSource.OpenConnectionAsync(cancellationToken);
    }

    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => _initialized.RunAsync(CreateAsync, cancellationToken);

    public async Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        return await ReadVersionAsync(connection, null, cancellationToken);
    }

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, "SELECT 1;", cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        _initialized.Dispose();
        return DataSource.DisposeAsync();
    }

    public void Dispose()
    {
        _initialized.Dispose();
        DataSource.Dispose();
    }

    private async Task CreateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, null, MigrationLock, cancellationToken);
        try
        {
            await MigrateAsync(connection, cancellationToken);
        }
        finally
        {
            // The lock belongs to the session, and a pooled session outlives this method: release it even when
            // cancelled. A broken connection ends the session, which releases it as well.
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await ExecuteAsync(connection, null, MigrationUnlock, CancellationToken.None);
            }
        }
    }

    private async Task MigrateAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, null, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version     integer     PRIMARY KEY,
                description text        NOT NULL,
                applied_at  timestamptz NOT NULL DEFAULT now()
            );
            """, cancellationToken);

        var current = await ReadVersionAsync(connection, null, cancellationToken);
        if (current > LatestVersion)
        {
            throw new InvalidOperationException(
                $"The {Description} is at schema version {current}, newer than this build knows ({LatestVersion}). Upgrade the bot or restore a backup.");
        }

        foreach (var migration in _migrations.Where(m => m.Version > current))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
            await using (var stamp = new NpgsqlCommand("INSERT INTO schema_migrations (version, description) VALUES (@version, @description);", connection, transaction))
            {
                stamp.Parameters.AddWithValue("version", migration.Version);
                stamp.Parameters.AddWithValue("description", migration.Description);
                await stamp.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            LogMigrated(_logger, Description, migration.Version, migration.Description);
        }
    }

    private static async Task<int> ReadVersionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        // A database nobody has migrated yet has no table to read: that is version 0, not an error.
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('schema_migrations') IS NOT NULL;", connection, transaction))
        {
            if (await exists.ExecuteScalarAsync(cancellationToken) is not true)
            {
                return 0;
            }
        }

        await using var command = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_migrations;", connection, transaction);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "{Database} migrated to schema version {Version}: {Description}")]
    private static partial void LogMigrated(ILogger logger, string database, int version, string description);
}
