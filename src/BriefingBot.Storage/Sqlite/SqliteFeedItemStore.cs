using BriefingBot.Storage.Shared;

namespace BriefingBot.Storage.Sqlite;

/// <summary>Feed articles in SQLite (table <c>feed_items</c>), so a restart neither loses nor refetches them.</summary>
public sealed class SqliteFeedItemStore(SqliteDatabase database) : SqlFeedItemStore(new SqliteDialect(database));
