using BriefingBot.Commands.Auditing;
using static BriefingBot.Storage.Shared.Sql;

namespace BriefingBot.Storage.Shared;

/// <summary>
/// The audit log, append-only and read newest first; the same statements for either provider,
/// <see cref="Sqlite.SqliteAuditLog"/> and <see cref="Postgres.PostgresAuditLog"/> pick the dialect.
/// </summary>
public abstract class SqlAuditLog : IAuditLog
{
    private readonly SqlDialect _dialect;

    private protected SqlAuditLog(SqlDialect dialect) => _dialect = dialect;

    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var command = Command(connection, """
            INSERT INTO audit_log (at, guild_id, user_id, user_name, action, detail, outcome)
            VALUES (@at, @guild, @user, @name, @action, @detail, @outcome);
            """, null,
            ("@at", _dialect.Time(entry.At)), ("@guild", entry.GuildId is { } g ? Id(g) : DBNull.Value), ("@user", Id(entry.UserId)),
            ("@name", entry.UserName), ("@action", entry.Action), ("@detail", entry.Detail), ("@outcome", entry.Outcome));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> RecentAsync(ulong? guildId, int max, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);

        // The guild is typed explicitly: a null parameter alone would leave PostgreSQL guessing its type.
        await using var command = Command(connection, """
            SELECT id, at, guild_id, user_id, user_name, action, detail, outcome FROM audit_log
            WHERE guild_id IS NULL OR guild_id = CAST(@guild AS bigint)
            ORDER BY at DESC, id DESC
            LIMIT @max;
            """, null,
            ("@guild", guildId is { } g ? Id(g) : DBNull.Value), ("@max", Math.Max(0, max)));
        return await ReadAllAsync(command, reader => new AuditEntry(
                _dialect.ReadTime(reader, 1),
                reader.IsDBNull(2) ? null : Id(reader.GetInt64(2)),
                Id(reader.GetInt64(3)),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetString(6),
                reader.GetString(7))
            {
                Id = reader.GetInt64(0),
            }, cancellationToken);
    }
}
