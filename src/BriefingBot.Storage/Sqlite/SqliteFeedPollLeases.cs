using BriefingBot.Core.Cluster;
using BriefingBot.Storage.Shared;

namespace BriefingBot.Storage.Sqlite;

/// <summary>
/// Feed-poll leases in SQLite: one conditional UPDATE checks "still due, not leased by someone else" and takes the
/// lease in the same statement, so two processes over one file cannot both win.
/// </summary>
public sealed class SqliteFeedPollLeases(SqliteDatabase database, SqliteFeedSourceStore sources, InstanceIdentity instance)
    : SqlFeedPollLeases(new SqliteDialect(database), sources, instance);
