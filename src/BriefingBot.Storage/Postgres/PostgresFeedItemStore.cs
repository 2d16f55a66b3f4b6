using BriefingBot.Storage.Shared;

namespace BriefingBot.Storage.Postgres;

/// <summary>Feed articles in PostgreSQL (table <c>feed_items</c>), so a restart neither loses nor refetches them.</summary>
public sealed class PostgresFeedItemStore(PostgresDatabase database) : SqlFeedItemStore(new PostgresDialect(database));
