using BriefingBot.Feeds.Sources;
using Npgsql;
using static BriefingBot.Storage.Postgres.PostgresValues;

namespace BriefingBot.Storage.Postgres;

/// <summary>Subscribed feeds and their fetch state in PostgreSQL (table <c>feed_sources</c>).</summary>
public sealed class PostgresFeedSourceStore(PostgresDatabase database) : IFeedSourceStore
{
    private const string Columns = """
        id, url, name, poll_seconds, tags, origin, added_at, added_by, title, etag, last_modified, last_polled_at,
        last_success_at, next_poll_at, retry_not_before, consecutive_failures, last_error, last_error_at, disabled_reason, item_count
        """;

    public async Task<IReadOnlyList<FeedSource>> ListAsync(CancellationToken cancellationToken) =>
        await QueryAsync($"SELECT {Columns} FROM feed_sources ORDER BY id;", cancellationToken);

    public async Task<FeedSource?> FindAsync(long id, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {Columns} FROM feed_sources WHERE id = @id;", cancellationToken, ("id", id))).FirstOrDefault();

    public async Task<FeedSource?> FindByUrlAsync(string url, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {Columns} FROM feed_sources WHERE url = @url;", cancellationToken, ("url", url))).FirstOrDefault();

    public async Task<FeedSource> AddAsync(FeedSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, """
            INSERT INTO feed_sources (url, name, poll_seconds, tags, origin, added_at, added_by)
            VALUES (@url, @name, @poll, @tags, @origin, @added, @by)
            RETURNING id;
            """, null,
            ("url", source.Url), ("name", Text(source.Name)), ("poll", (long)source.PollInterval.TotalSeconds),
            ("tags", Tags(source.Tags)), ("origin", source.Origin.ToString()), ("added", Time(source.AddedAt)), ("by", source.AddedBy));
        var id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return source with { Id = id };
    }

    public async Task UpdateSettingsAsync(FeedSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, "UPDATE feed_sources SET name = @name, poll_seconds = @poll, tags = @tags WHERE id = @id;", null,
            ("id", source.Id), ("name", Text(source.Name)), ("poll", (long)source.PollInterval.TotalSeconds), ("tags", Tags(source.Tags)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task SaveStateAsync(long id, FeedFetchState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, """
            UPDATE feed_sources SET title = @title, etag = @etag, last_modified = @modified, last_polled_at = @polled,
                last_success_at = @success, next_poll_at = @next, retry_not_before = @retry, consecutive_failures = @failures,
                last_error = @error, last_error_at = @errorAt, disabled_reason = @disabled, item_count = @items
            WHERE id = @id;
            """, null,
            ("id", id), ("title", Text(state.Title)), ("etag", Text(state.ETag)), ("modified", Text(state.LastModified)),
            ("polled", Time(state.LastPolledAt)), ("success", Time(state.LastSuccessAt)), ("next", Time(state.NextPollAt)),
            ("retry", Time(state.RetryNotBefore)), ("failures", state.ConsecutiveFailures), ("error", Text(state.LastError)),
            ("errorAt", Time(state.LastErrorAt)), ("disabled", Text(state.DisabledReason)), ("items", state.ItemCount));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> RemoveAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, "DELETE FROM feed_sources WHERE id = @id;", null, ("id", id));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private async Task<List<FeedSource>> QueryAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, null, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<FeedSource>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(Read(reader));
        }

        return list;
    }

    private static FeedSource Read(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        Url = reader.GetString(1),
        Name = NullableText(reader, 2),
        PollInterval = TimeSpan.FromSeconds(reader.GetInt64(3)),
        Tags = Tags(reader, 4),
        Origin = Enum.Parse<FeedSourceOrigin>(reader.GetString(5)),
        AddedAt = Time(reader, 6),
        AddedBy = reader.GetString(7),
        State = new FeedFetchState
        {
            Title = NullableText(reader, 8),
            ETag = NullableText(reader, 9),
            LastModified = NullableText(reader, 10),
            LastPolledAt = NullableTime(reader, 11),
            LastSuccessAt = NullableTime(reader, 12),
            NextPollAt = NullableTime(reader, 13),
            RetryNotBefore = NullableTime(reader, 14),
            ConsecutiveFailures = reader.GetInt32(15),
            LastError = NullableText(reader, 16),
            LastErrorAt = NullableTime(reader, 17),
            DisabledReason = NullableText(reader, 18),
            ItemCount = reader.GetInt32(19),
        },
    };
}
