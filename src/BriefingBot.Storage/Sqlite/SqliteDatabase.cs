using System.Globalization;
using BriefingBot.Storage.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BriefingBot.Storage.Sqlite;

/// <summary>
/// Opens connections to the state database. On first use it creates the folder and file, switches to WAL (readers
/// never block the writer) and migrates the schema forward, one transaction per step, so a crash mid-migration
/// leaves the previous version intact.
/// </summary>
public sealed partial class SqliteDatabase : IStateDatabase, IDisposable
{
    private readonly IReadOnlyList<SqliteMigration> _migrations;
    private readonly TimeSpan _busyTimeout;
    private readonly ILogger _logger;
    private readonly InitializeOnce _initialized = new();
    private readonly string _connectionString;

    public SqliteDatabase(IOptions<StorageOptions> options, ILogger<SqliteDatabase> logger)
        : this(options.Value.DatabasePath, options.Value.BusyTimeout, SqliteMigrations.All, logger)
    {
    }

    internal SqliteDatabase(string path, TimeSpan busyTimeout, IReadOnlyList<SqliteMigration> migrations, ILogger logger)
    {
        FilePath = Path.GetFullPath(path);
        _busyTimeout = busyTimeout;
        _migrations = migrations;
        _logger = logger;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // No pool: the scheduler writes a few times a day, and an unpooled connection really closes the file,
            // which keeps "reopen after a crash" honest and lets tests delete their folders.
            Pooling = false,
            DefaultTimeout = (int)Math.Ceiling(busyTimeout.TotalSeconds),
        }.ToString();
    }

    public string FilePath { get; }

    public string Description => FilePath;

    public int LatestVersion => _migrations.Count == 0 ? 0 : _migrations[^1].Version;

    /// <summary>An open connection to a database at the latest schema version. The caller disposes it.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        return await OpenConnectionAsync(cancellationToken);
    }

    /// <summary>Creates and migrates the database if that has not happened yet in this process.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => _initialized.RunAsync(CreateAsync, cancellationToken);

    public async Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await ReadVersionAsync(connection, null, cancellationToken);
    }

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = SqliteValues.Command(connection, "SELECT 1;");
        await command.ExecuteScalarAsync(cancellationToken);
    }

    public void Dispose() => _initialized.Dispose();

    private async Task CreateAsync(CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using (var wal = SqliteValues.Command(connection, "PRAGMA journal_mode = WAL;"))
        {
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }

        await MigrateAsync(connection, cancellationToken);
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);

            // FULL sync: an acknowledged subscription must survive a power cut, not just a process crash; writes are rare.
            var pragmas = string.Create(CultureInfo.InvariantCulture,
                $"PRAGMA busy_timeout = {(int)_busyTimeout.TotalMilliseconds}; PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;");
            await using var command = SqliteValues.Command(connection, pragmas);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var current = await ReadVersionAsync(connection, null, cancellationToken);
        if (current > LatestVersion)
        {
            throw new InvalidOperationException(
                $"The database {FilePath} is at schema version {current}, newer than this build knows ({LatestVersion}). Upgrade the bot or restore a backup.");
        }

        foreach (var migration in _migrations.Where(m => m.Version > current))
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);

            // Another process may have migrated while this one waited for the write lock.
            if (await ReadVersionAsync(connection, transaction, cancellationToken) >= migration.Version)
            {
                continue;
            }

            await using (var step = SqliteValues.Command(connection, migration.Sql, transaction))
            {
                await step.ExecuteNonQueryAsync(cancellationToken);
            }

            // user_version lives in the file header and is written inside the transaction: schema and version move together.
            await using (var stamp = SqliteValues.Command(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {migration.Version};"), transaction))
            {
                await stamp.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            LogMigrated(_logger, FilePath, migration.Version, migration.Description);
        }
    }

    private static async Task<int> ReadVersionAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = SqliteValues.Command(connection, "PRAGMA user_version;", transaction);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Database {Path} migrated to schema version {Version}: {Description}")]
    private static partial void LogMigrated(ILogger logger, string path, int version, string description);
}
