using BriefingBot.Storage.Shared;

namespace BriefingBot.Storage.Postgres;

/// <summary>Subscribed feeds and their fetch state in PostgreSQL (table <c>feed_sources</c>).</summary>
public sealed class PostgresFeedSourceStore(PostgresDatabase database) : SqlFeedSourceStore(new PostgresDialect(database));
