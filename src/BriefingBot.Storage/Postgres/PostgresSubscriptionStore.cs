using BriefingBot.Commands.Scheduling;
using BriefingBot.Storage.Rows;
using Npgsql;
using static BriefingBot.Storage.Postgres.PostgresValues;

namespace BriefingBot.Storage.Postgres;

/// <summary>Subscriptions in PostgreSQL. Each call commits before it returns, so an acknowledged change survives a crash.</summary>
public sealed class PostgresSubscriptionStore(PostgresDatabase database, TimeZoneCatalog zones, TimeProvider timeProvider) : ISubscriptionStore
{
    internal const string Columns =
        "id, guild_id, channel_id, local_time, time_zone, webhook_url, active_since, last_posted_at, last_error, last_error_at, disabled_reason, changed_by";

    public async Task<SubscriptionSaveResult> SaveAsync(DigestSubscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var now = Time(timeProvider.GetUtcNow());
        await using var connection = await database.OpenAsync(cancellationToken);

        // One statement, so two instances saving the same channel at once cannot both report "created": xmax is 0
        // only on a row this statement inserted, not on one it updated. An update keeps the marker (the next digest
        // continues where the last stopped) but starts afresh otherwise: re-enabled, error cleared.
        const string upsert = $"""
            INSERT INTO subscriptions AS s (guild_id, channel_id, local_time, time_zone, webhook_url, active_since, changed_by, created_at, updated_at)
            VALUES (@guild, @channel, @time, @zone, @webhook, @active, @by, @now, @now)
            ON CONFLICT (guild_id, channel_id) DO UPDATE SET
                local_time = excluded.local_time, time_zone = excluded.time_zone, webhook_url = excluded.webhook_url,
                active_since = excluded.active_since, changed_by = excluded.changed_by, updated_at = excluded.updated_at,
                last_error = NULL, last_error_at = NULL, disabled_reason = NULL
            RETURNING {Columns}, (s.xmax = 0) AS inserted;
            """;
        await using var command = Command(connection, upsert, null,
            ("guild", Id(subscription.GuildId)),
            ("channel", Id(subscription.ChannelId)),
            ("time", subscription.Schedule.TimeText),
            ("zone", subscription.Schedule.ZoneId),
            ("webhook", Text(subscription.WebhookUrl)),
            ("active", Time(subscription.ActiveSince)),
            ("by", subscription.ChangedBy),
            ("now", now));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new SubscriptionSaveResult(Read(reader, zones), reader.GetBoolean(12));
    }

    public async Task<DigestSubscription?> FindAsync(ulong guildId, ulong channelId, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {Columns} FROM subscriptions WHERE guild_id = @guild AND channel_id = @channel;", cancellationToken,
            ("guild", Id(guildId)), ("channel", Id(channelId)))).FirstOrDefault();

    // COLLATE "C": the same byte order SQLite uses, whatever collation the database was created with.
    public async Task<IReadOnlyList<DigestSubscription>> ListAsync(ulong guildId, CancellationToken cancellationToken) =>
        await QueryAsync($"SELECT {Columns} FROM subscriptions WHERE guild_id = @guild ORDER BY local_time COLLATE \"C\", channel_id;", cancellationToken, ("guild", Id(guildId)));

    public async Task<IReadOnlyList<DigestSubscription>> ListEnabledAsync(CancellationToken cancellationToken) =>
        await QueryAsync($"SELECT {Columns} FROM subscriptions WHERE disabled_reason IS NULL ORDER BY id;", cancellationToken);

    public async Task<bool> RemoveAsync(ulong guildId, ulong channelId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, "DELETE FROM subscriptions WHERE guild_id = @guild AND channel_id = @channel;", null,
            ("guild", Id(guildId)), ("channel", Id(channelId)));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    internal static DigestSubscription Read(NpgsqlDataReader reader, TimeZoneCatalog zones) =>
        new SubscriptionRow(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4))
        {
            WebhookUrl = NullableText(reader, 5),
            ActiveSince = Time(reader, 6),
            LastPostedAt = NullableTime(reader, 7),
            LastError = NullableText(reader, 8),
            LastErrorAt = NullableTime(reader, 9),
            DisabledReason = NullableText(reader, 10),
            ChangedBy = reader.GetString(11),
        }.ToSubscription(zones);

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
