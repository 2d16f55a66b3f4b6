using BriefingBot.Commands.Scheduling;
using BriefingBot.Storage.Rows;
using Microsoft.Data.Sqlite;
using static BriefingBot.Storage.Sqlite.SqliteValues;

namespace BriefingBot.Storage.Sqlite;

/// <summary>Subscriptions in SQLite. Each call commits before it returns, so an acknowledged change survives a crash.</summary>
public sealed class SqliteSubscriptionStore(SqliteDatabase database, TimeZoneCatalog zones, TimeProvider timeProvider) : ISubscriptionStore
{
    internal const string Columns =
        "id, guild_id, channel_id, local_time, time_zone, webhook_url, active_since, last_posted_at, last_error, last_error_at, disabled_reason, changed_by";

    public async Task<SubscriptionSaveResult> SaveAsync(DigestSubscription subscription, CancellationToken cancellationToken)
    {
        var now = Time(timeProvider.GetUtcNow());
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);

        var existing = await FindAsync(connection, transaction, subscription.GuildId, subscription.ChannelId, cancellationToken);

        // An update keeps the marker (the next digest continues where the last stopped) but starts afresh otherwise:
        // re-enabled, error cleared, and only occurrences after now are owed.
        const string upsert = $"""
            INSERT INTO subscriptions (guild_id, channel_id, local_time, time_zone, webhook_url, active_since, changed_by, created_at, updated_at)
            VALUES ($guild, $channel, $time, $zone, $webhook, $active, $by, $now, $now)
            ON CONFLICT (guild_id, channel_id) DO UPDATE SET
                local_time = excluded.local_time, time_zone = excluded.time_zone, webhook_url = excluded.webhook_url,
                active_since = excluded.active_since, changed_by = excluded.changed_by, updated_at = excluded.updated_at,
                last_error = NULL, last_error_at = NULL, disabled_reason = NULL
            RETURNING {Columns};
            """;
        await using var command = Command(connection, upsert, transaction,
            ("$guild", Id(subscription.GuildId)),
            ("$channel", Id(subscription.ChannelId)),
            ("$time", subscription.Schedule.TimeText),
            ("$zone", subscription.Schedule.ZoneId),
            ("$webhook", Text(subscription.WebhookUrl)),
            ("$active", Time(subscription.ActiveSince)),
            ("$by", subscription.ChangedBy),
            ("$now", now));
        DigestSubscription saved;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            saved = Read(reader, zones);
        }

        await transaction.CommitAsync(cancellationToken);
        return new SubscriptionSaveResult(saved, existing is null);
    }

    public async Task<DigestSubscription?> FindAsync(ulong guildId, ulong channelId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await FindAsync(connection, null, guildId, channelId, cancellationToken);
    }

    public async Task<IReadOnlyList<DigestSubscription>> ListAsync(ulong guildId, CancellationToken cancellationToken) =>
        await QueryAsync($"SELECT {Columns} FROM subscriptions WHERE guild_id = $guild ORDER BY local_time, channel_id;", cancellationToken, ("$guild", Id(guildId)));

    public async Task<IReadOnlyList<DigestSubscription>> ListEnabledAsync(CancellationToken cancellationToken) =>
        await QueryAsync($"SELECT {Columns} FROM subscriptions WHERE disabled_reason IS NULL ORDER BY id;", cancellationToken);

    public async Task<bool> RemoveAsync(ulong guildId, ulong channelId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, "DELETE FROM subscriptions WHERE guild_id = $guild AND channel_id = $channel;", null,
            ("$guild", Id(guildId)), ("$channel", Id(channelId)));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    internal static DigestSubscription Read(SqliteDataReader reader, TimeZoneCatalog zones) =>
        new SubscriptionRow(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4))
        {
            WebhookUrl = NullableText(reader, 5),
            ActiveSince = Time(reader.GetString(6)),
            LastPostedAt = NullableTime(reader, 7),
            LastError = NullableText(reader, 8),
            LastErrorAt = NullableTime(reader, 9),
            DisabledReason = NullableText(reader, 10),
            ChangedBy = reader.GetString(11),
        }.ToSubscription(zones);

    private async Task<DigestSubscription?> FindAsync(
        SqliteConnection connection, SqliteTransaction? transaction, ulong guildId, ulong channelId, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, $"SELECT {Columns} FROM subscriptions WHERE guild_id = $guild AND channel_id = $channel;", transaction,
            ("$guild", Id(guildId)), ("$channel", Id(channelId)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader, zones) : null;
    }

    private async Task<List<DigestSubscription>> QueryAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, null, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new List<DigestSubscription>();
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(Read(reader, zones));
        }

        return result;
    }
}
