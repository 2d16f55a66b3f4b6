using BriefingBot.Feeds.Sources;
using Npgsql;
using static BriefingBot.Storage.Postgres.PostgresValues;

namespace BriefingBot.Storage.Postgres;

/// <summary>Feed articles in PostgreSQL (table <c>feed_items</c>), so a restart neither loses nor refetches them.</summary>
public sealed class PostgresFeedItemStore(PostgresDatabase database) : IFeedItemStore
{
    private const string Upsert = """
        INSERT INTO feed_items (source_id, item_key, normalized_url, item_hash, article_id, title, body, content_hash,
            word_count, url, outlet, author, published_at, tags, back_catalogue, first_seen_at, updated_at)
        VALUES (@source, @key, @nurl, @ihash, @article, @title, @body, @chash, @words, @url, @outlet, @author,
            @published, @tags, @back, @first, @updated)
        ON CONFLICT (source_id, item_key) DO UPDATE SET
            normalized_url = excluded.normalized_url, item_hash = excluded.item_hash, article_id = excluded.article_id,
            title = excluded.title, body = excluded.body, content_hash = excluded.content_hash, word_count = excluded.word_count,
            url = excluded.url, outlet = excluded.outlet, author = excluded.author, published_at = excluded.published_at,
            tags = excluded.tags, back_catalogue = excluded.back_catalogue, updated_at = excluded.updated_at;
        """;

    public async Task<IReadOnlyList<StoredFeedItem>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);

        // COLLATE "C": ties broken in byte order, as SQLite does, whatever collation the database was created with.
        await using var command = Command(connection, """
            SELECT source_id, item_key, normalized_url, item_hash, article_id, title, body, content_hash, word_count, url,
                   outlet, author, published_at, tags, back_catalogue, first_seen_at, updated_at
            FROM feed_items ORDER BY first_seen_at, article_id COLLATE "C";
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<StoredFeedItem>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(Read(reader));
        }

        return items;
    }

    public async Task SaveAsync(IReadOnlyList<StoredFeedItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // One round trip for the whole poll's items; the transaction keeps it all-or-nothing.
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var item in items)
        {
            var command = new NpgsqlBatchCommand(Upsert);
            foreach (var (name, value) in Values(item))
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static (string Name, object? Value)[] Values(StoredFeedItem item) =>
    [
        ("source", item.SourceId), ("key", item.ItemKey), ("nurl", Text(item.NormalizedUrl)), ("ihash", item.ItemHash),
        ("article", item.ArticleId), ("title", item.Title), ("body", item.Body), ("chash", item.ContentHash),
        ("words", item.WordCount), ("url", Text(item.Url)), ("outlet", Text(item.Outlet)), ("author", Text(item.Author)),
        ("published", Time(item.PublishedAt)), ("tags", Tags(item.Tags)), ("back", item.IsBackCatalogue),
        ("first", Time(item.FirstSeenAt)), ("updated", Time(item.UpdatedAt)),
    ];

    private static StoredFeedItem Read(NpgsqlDataReader reader) => new()
    {
        SourceId = reader.GetInt64(0),
        ItemKey = reader.GetString(1),
        NormalizedUrl = NullableText(reader, 2),
        ItemHash = reader.GetString(3),
        ArticleId = reader.GetString(4),
        Title = reader.GetString(5),
        Body = reader.GetString(6),
        ContentHash = reader.GetString(7),
        WordCount = reader.GetInt32(8),
        Url = NullableText(reader, 9),
        Outlet = NullableText(reader, 10),
        Author = NullableText(reader, 11),
        PublishedAt = NullableTime(reader, 12),
        Tags = Tags(reader, 13),
        IsBackCatalogue = reader.GetBoolean(14),
        FirstSeenAt = Time(reader, 15),
        UpdatedAt = Time(reader, 16),
    };
}
