using System.Data.Common;
using BriefingBot.Feeds.Sources;
using static BriefingBot.Storage.Shared.Sql;

namespace BriefingBot.Storage.Shared;

/// <summary>
/// Feed articles (table <c>feed_items</c>), so a restart neither loses nor refetches them; the same statements for
/// either provider, <see cref="Sqlite.SqliteFeedItemStore"/> and <see cref="Postgres.PostgresFeedItemStore"/> pick the dialect.
/// </summary>
public abstract class SqlFeedItemStore : IFeedItemStore
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

    private readonly SqlDialect _dialect;

    private protected SqlFeedItemStore(SqlDialect dialect) => _dialect = dialect;

    public async Task<IReadOnlyList<StoredFeedItem>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var command = Command(connection, $"""
            SELECT source_id, item_key, normalized_url, item_hash, article_id, title, body, content_hash, word_count, url,
                   outlet, author, published_at, tags, back_catalogue, first_seen_at, updated_at
            FROM feed_items ORDER BY first_seen_at, {_dialect.Bytewise("article_id")};
            """);
        return await ReadAllAsync(command, Read, cancellationToken);
    }

    public async Task SaveAsync(IReadOnlyList<StoredFeedItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return;
        }

        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (connection.CanCreateBatch)
        {
            // One round trip for the whole poll's items where the provider batches (Npgsql); the transaction keeps
            // it all-or-nothing either way.
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            foreach (var item in items)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = Upsert;
                foreach (var value in Values(item))
                {
                    command.Parameters.Add(Parameter(command.CreateParameter(), value));
                }

                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        else
        {
            foreach (var item in items)
            {
                await using var command = Command(connection, Upsert, transaction, Values(item));
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private (string Name, object? Value)[] Values(StoredFeedItem item) =>
    [
        ("@source", item.SourceId), ("@key", item.ItemKey), ("@nurl", Text(item.NormalizedUrl)), ("@ihash", item.ItemHash),
        ("@article", item.ArticleId), ("@title", item.Title), ("@body", item.Body), ("@chash", item.ContentHash),
        ("@words", item.WordCount), ("@url", Text(item.Url)), ("@outlet", Text(item.Outlet)), ("@author", Text(item.Author)),
        ("@published", _dialect.Time(item.PublishedAt)), ("@tags", _dialect.Tags(item.Tags)), ("@back", _dialect.Flag(item.IsBackCatalogue)),
        ("@first", _dialect.Time(item.FirstSeenAt)), ("@updated", _dialect.Time(item.UpdatedAt)),
    ];

    private StoredFeedItem Read(DbDataReader reader) => new()
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
        PublishedAt = _dialect.ReadNullableTime(reader, 12),
        Tags = _dialect.ReadTags(reader, 13),
        IsBackCatalogue = _dialect.ReadFlag(reader, 14),
        FirstSeenAt = _dialect.ReadTime(reader, 15),
        UpdatedAt = _dialect.ReadTime(reader, 16),
    };
}
