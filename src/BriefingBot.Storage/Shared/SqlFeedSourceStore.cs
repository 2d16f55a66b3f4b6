using System.Data.Common;
using System.Globalization;
using BriefingBot.Feeds.Sources;
using static BriefingBot.Storage.Shared.Sql;

namespace BriefingBot.Storage.Shared;

/// <summary>
/// Subscribed feeds and their fetch state (table <c>feed_sources</c>), the same statements for either provider;
/// <see cref="Sqlite.SqliteFeedSourceStore"/> and <see cref="Postgres.PostgresFeedSourceStore"/> pick the dialect.
/// </summary>
public abstract class SqlFeedSourceStore : IFeedSourceStore
{
    private const string Columns = """
        id, url, name, poll_seconds, tags, origin, added_at, added_by, title, etag, last_modified, last_polled_at,
        last_success_at, next_poll_at, retry_not_before, consecutive_failures, last_error, last_error_at, disabled_reason, item_count
        """;

    private readonly SqlDialect _dialect;

    private protected SqlFeedSourceStore(SqlDialect dialect) => _dialect = dialect;

    public async Task<IReadOnlyList<FeedSource>> ListAsync(CancellationToken cancellationToken) =>
        await QueryAsync($"SELECT {Columns} FROM feed_sources ORDER BY id;", cancellationToken);

    public async Task<FeedSource?> FindAsync(long id, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {Columns} FROM feed_sources WHERE id = @id;", cancellationToken, ("@id", id))).FirstOrDefault();

    public async Task<FeedSource?> FindByUrlAsync(string url, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {Columns} FROM feed_sources WHERE url = @url;", cancellationToken, ("@url", url))).FirstOrDefault();

    public async Task<FeedSource> AddAsync(FeedSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var command = Command(connection, """
            INSERT INTO feed_sources (url, name, poll_seconds, tags, origin, added_at, added_by)
            VALUES (@url, @name, @poll, @tags, @origin, @added, @by)
            RETURNING id;
            """, null,
            ("@url", source.Url), ("@name", Text(source.Name)), ("@poll", (long)source.PollInterval.TotalSeconds),
            ("@tags", _dialect.Tags(source.Tags)), ("@origin", source.Origin.ToString()), ("@added", _dialect.Time(source.AddedAt)), ("@by", source.AddedBy));
        var id = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        return source with { Id = id };
    }

    public async Task UpdateSettingsAsync(FeedSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var command = Command(connection, "UPDATE feed_sources SET name = @name, poll_seconds = @poll, tags = @tags WHERE id = @id;", null,
            ("@id", source.Id), ("@name", Text(source.Name)), ("@poll", (long)source.PollInterval.TotalSeconds), ("@tags", _dialect.Tags(source.Tags)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task SaveStateAsync(long id, FeedFetchState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var command = Command(connection, """
            UPDATE feed_sources SET title = @title, etag = @etag, last_modified = @modified, last_polled_at = @polled,
                last_success_at = @success, next_poll_at = @next, retry_not_before = @retry, consecutive_failures = @failures,
                last_error = @error, last_error_at = @errorAt, disabled_reason = @disabled, item_count = @items
            WHERE id = @id;
            """, null,
            ("@id", id), ("@title", Text(state.Title)), ("@etag", Text(state.ETag)), ("@modified", Text(state.LastModified)),
            ("@polled", _dialect.Time(state.LastPolledAt)), ("@success", _dialect.Time(state.LastSuccessAt)), ("@next", _dialect.Time(state.NextPollAt)),
            ("@retry", _dialect.Time(state.RetryNotBefore)), ("@failures", state.ConsecutiveFailures), ("@error", Text(state.LastError)),
            ("@errorAt", _dialect.Time(state.LastErrorAt)), ("@disabled", Text(state.DisabledReason)), ("@items", state.ItemCount));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> RemoveAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var command = Command(connection, "DELETE FROM feed_sources WHERE id = @id;", null, ("@id", id));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private async Task<List<FeedSource>> QueryAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, null, parameters);
        return await ReadAllAsync(command, Read, cancellationToken);
    }

    private FeedSource Read(DbDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        Url = reader.GetString(1),
        Name = NullableText(reader, 2),
        PollInterval = TimeSpan.FromSeconds(reader.GetInt64(3)),
        Tags = _dialect.ReadTags(reader, 4),
        Origin = Enum.Parse<FeedSourceOrigin>(reader.GetString(5)),
        AddedAt = _dialect.ReadTime(reader, 6),
        AddedBy = reader.GetString(7),
        State = new FeedFetchState
        {
            Title = NullableText(reader, 8),
            ETag = NullableText(reader, 9),
            LastModified = NullableText(reader, 10),
            LastPolledAt = _dialect.ReadNullableTime(reader, 11),
            LastSuccessAt = _dialect.ReadNullableTime(reader, 12),
            NextPollAt = _dialect.ReadNullableTime(reader, 13),
            RetryNotBefore = _dialect.ReadNullableTime(reader, 14),
            ConsecutiveFailures = reader.GetInt32(15),
            LastError = NullableText(reader, 16),
            LastErrorAt = _dialect.ReadNullableTime(reader, 17),
            DisabledReason = NullableText(reader, 18),
            ItemCount = reader.GetInt32(19),
        },
    };
}
