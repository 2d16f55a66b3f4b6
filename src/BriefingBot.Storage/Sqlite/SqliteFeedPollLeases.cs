using BriefingBot.Core.Cluster;
using BriefingBot.Feeds.Sources;
using static BriefingBot.Storage.Sqlite.SqliteValues;

namespace BriefingBot.Storage.Sqlite;

/// <summary>
/// Feed-poll leases in SQLite: one conditional UPDATE checks "still due, not leased by someone else" and takes the
/// lease in the same statement, so two processes over one file cannot both win.
/// </summary>
public sealed class SqliteFeedPollLeases(SqliteDatabase database, SqliteFeedSourceStore sources, InstanceIdentity instance) : IFeedPollLeases
{
    public async Task<FeedSource?> TryAcquireAsync(long sourceId, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using (var connection = await database.OpenAsync(cancellationToken))
        await using (var command = Command(connection, """
            UPDATE feed_sources SET lease_holder = $me, lease_until = $until
            WHERE id = $id AND disabled_reason IS NULL
              AND (next_poll_at IS NULL OR next_poll_at <= $now)
              AND (retry_not_before IS NULL OR retry_not_before <= $now)
              AND (lease_until IS NULL OR lease_until <= $now OR lease_holder = $me);
            """, null,
            ("$id", sourceId), ("$me", instance.Id), ("$now", Time(now)), ("$until", Time(now + duration))))
        {
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return null;
            }
        }

        return await sources.FindAsync(sourceId, cancellationToken);
    }

    public async Task ReleaseAsync(long sourceId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection,
            "UPDATE feed_sources SET lease_holder = NULL, lease_until = NULL WHERE id = $id AND lease_holder = $me;", null,
            ("$id", sourceId), ("$me", instance.Id));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
