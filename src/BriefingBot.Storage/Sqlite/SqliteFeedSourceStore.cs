using BriefingBot.Storage.Shared;

namespace BriefingBot.Storage.Sqlite;

/// <summary>Subscribed feeds and their fetch state in SQLite (table <c>feed_sources</c>).</summary>
public sealed class SqliteFeedSourceStore(SqliteDatabase database) : SqlFeedSourceStore(new SqliteDialect(database));
