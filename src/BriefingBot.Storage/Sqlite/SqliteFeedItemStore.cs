using BriefingBot.Feeds.Sources;
using Microsoft.Data.Sqlite;
using static BriefingBot.Storage.Sqlite.SqliteValues;

namespace BriefingBot.Storage.Sqlite;

/// <summary>Feed articles in SQLite (table <c>feed_items</c>), so a restart neither loses nor refetches them.</summary>
public sealed class SqliteFeedItemStore(SqliteDatabase database) : IFeedItemStore
{
    public async Task<IReadOnlyList<StoredFeedItem>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, """
            SELECT source_id, item_key, normalized_url, item_hash, article_id, title, body, content_hash, word_count, url,
                   outlet, author, published_at, tags, back_catalogue, first_seen_at, updated_at
            FROM feed_items ORDER BY first_seen_at, article_id;
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
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        foreach (var item in items)
        {
            await using var command = Command(connection, """
                INSERT INTO feed_items (source_id, item_key, normalized_url, item_hash, article_id, title, body, content_hash,
                    word_count, url, outlet, author, published_at, tags, back_catalogue, first_seen_at, updated_at)
                VALUES ($source, $key, $nurl, $ihash, $article, $title, $body, $chash, $words, $url, $outlet, $author,
                    $published, $tags, $back, $first, $updated)
                ON CONFLICT (source_id, item_key) DO UPDATE SET
                    normalized_url = excluded.normalized_url, item_hash = excluded.item_hash, article_id = excluded.article_id,
                    title = excluded.title, body = excluded.body, content_hash = excluded.content_hash, word_count = excluded.word_count,
                    url = excluded.url, outlet = excluded.outlet, author = excluded.author, published_at = excluded.published_at,
                    tags = excluded.tags, back_catalogue = excluded.back_catalogue, updated_at = excluded.updated_at;
                """, transaction,
                ("$source", item.SourceId), ("$key", item.ItemKey), ("$nurl", Text(item.NormalizedUrl)), ("$ihash", item.ItemHash),
                ("$article", item.ArticleId), ("$title", item.Title), ("$body", item.Body), ("$chash", item.ContentHash),
                ("$words", item.WordCount), ("$url", Text(item.Url)), ("$outlet", Text(item.Outlet)), ("$author", Text(item.Author)),
                ("$published", Time(item.PublishedAt)), ("$tags", SqliteFeedSourceStore.Tags(item.Tags)), ("$back", item.IsBackCatalogue ? 1 : 0),
                ("$first", Time(item.FirstSeenAt)), ("$updated", Time(item.UpdatedAt)));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static StoredFeedItem Read(SqliteDataReader reader) => new()
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
        Tags = SqliteFeedSourceStore.Tags(reader.GetString(13)),
        IsBackCatalogue = reader.GetInt64(14) != 0,
        FirstSeenAt = Time(reader.GetString(15)),
        UpdatedAt = Time(reader.GetString(16)),
    };
}
