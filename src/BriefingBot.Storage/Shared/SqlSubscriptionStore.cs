using System.Data.Common;
using BriefingBot.Commands.Scheduling;
using BriefingBot.Storage.Rows;
using static BriefingBot.Storage.Shared.Sql;

namespace BriefingBot.Storage.Shared;

/// <summary>
/// Subscriptions, the same statements for either provider. Each call commits before it returns, so an acknowledged
/// change survives a crash. Only saving differs: how a provider tells a new subscription from a changed one.
/// </summary>
public abstract class SqlSubscriptionStore : ISubscriptionStore
{
    private const string Columns =
        "id, guild_id, channel_id, local_time, time_zone, webhook_url, active_since, last_posted_at, last_error, last_error_at, disabled_reason, changed_by";

    private readonly TimeZoneCatalog _zones;
    private readonly TimeProvider _timeProvider;

    private protected SqlSubscriptionStore(SqlDialect dialect, TimeZoneCatalog zones, TimeProvider timeProvider)
    {
        Dialect = dialect;
        _zones = zones;
        _timeProvider = timeProvider;
    }

    private protected SqlDialect Dialect { get; }

    public async Task<SubscriptionSaveResult> SaveAsync(DigestSubscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var now = _timeProvider.GetUtcNow();
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        return await SaveAsync(connection, subscription, now, cancellationToken);
    }

    public async Task<DigestSubscription?> FindAsync(ulong guildId, ulong channelId, CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        return await FindAsync(connection, null, guildId, channelId, cancellationToken);
    }

    public async Task<IReadOnlyList<DigestSubscription>> ListAsync(ulong guildId, CancellationToken cancellationToken) =>
        await QueryAsync($"SELECT {Columns} FROM subscriptions WHERE guild_id = @guild ORDER BY {Dialect.Bytewise("local_time")}, channel_id;",
            cancellationToken, ("@guild", Id(guildId)));

    public async Task<IReadOnlyList<DigestSubscription>> ListEnabledAsync(CancellationToken cancellationToken) =>
        await QueryAsync($"SELECT {Columns} FROM subscriptions WHERE disabled_reason IS NULL ORDER BY id;", cancellationToken);

    public async Task<bool> RemoveAsync(ulong guildId, ulong channelId, CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        await using var command = Command(connection, "DELETE FROM subscriptions WHERE guild_id = @guild AND channel_id = @channel;", null,
            ("@guild", Id(guildId)), ("@channel", Id(channelId)));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>Inserts or updates the channel's subscription on an open connection and says which it was.</summary>
    private protected abstract Task<SubscriptionSaveResult> SaveAsync(
        DbConnection connection, DigestSubscription subscription, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// The upsert both providers run. An update keeps the marker (the next digest continues where the last stopped)
    /// but starts afresh otherwise: re-enabled, error cleared, and only occurrences after now are owed.
    /// <paramref name="alias"/> and <paramref name="returningAlso"/> let a provider read more than the row back.
    /// </summary>
    private protected DbCommand Upsert(
        DbConnection connection, DbTransaction? transaction, DigestSubscription subscription, DateTimeOffset now, string alias = "", string returningAlso = "") =>
        Command(connection, $"""
            INSERT INTO subscriptions{alias} (guild_id, channel_id, local_time, time_zone, webhook_url, active_since, changed_by, created_at, updated_at)
            VALUES (@guild, @channel, @time, @zone, @webhook, @active, @by, @now, @now)
            ON CONFLICT (guild_id, channel_id) DO UPDATE SET
                local_time = excluded.local_time, time_zone = excluded.time_zone, webhook_url = excluded.webhook_url,
                active_since = excluded.active_since, changed_by = excluded.changed_by, updated_at = excluded.updated_at,
                last_error = NULL, last_error_at = NULL, disabled_reason = NULL
            RETURNING {Columns}{returningAlso};
            """, transaction,
            ("@guild", Id(subscription.GuildId)),
            ("@channel", Id(subscription.ChannelId)),
            ("@time", subscription.Schedule.TimeText),
            ("@zone", subscription.Schedule.ZoneId),
            ("@webhook", Text(subscription.WebhookUrl)),
            ("@active", Dialect.Time(subscription.ActiveSince)),
            ("@by", subscription.ChangedBy),
            ("@now", Dialect.Time(now)));

    private protected async Task<DigestSubscription?> FindAsync(
        DbConnection connection, DbTransaction? transaction, ulong guildId, ulong channelId, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, $"SELECT {Columns} FROM subscriptions WHERE guild_id = @guild AND channel_id = @channel;", transaction,
            ("@guild", Id(guildId)), ("@channel", Id(channelId)));
        return await ReadOneAsync(command, Read, cancellationToken);
    }

    private protected DigestSubscription Read(DbDataReader reader) =>
        new SubscriptionRow(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4))
        {
            WebhookUrl = NullableText(reader, 5),
            ActiveSince = Dialect.ReadTime(reader, 6),
            LastPostedAt = Dialect.ReadNullableTime(reader, 7),
            LastError = NullableText(reader, 8),
            LastErrorAt = Dialect.ReadNullableTime(reader, 9),
            DisabledReason = NullableText(reader, 10),
            ChangedBy = reader.GetString(11),
        }.ToSubscription(_zones);

    private async Task<List<DigestSubscription>> QueryAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, null, parameters);
        return await ReadAllAsync(command, Read, cancellationToken);
    }
}
