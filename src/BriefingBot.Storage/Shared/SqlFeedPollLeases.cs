using BriefingBot.Core.Cluster;
using BriefingBot.Feeds.Sources;
using static BriefingBot.Storage.Shared.Sql;

namespace BriefingBot.Storage.Shared;

/// <summary>
/// Feed-poll leases for either provider: one conditional UPDATE checks "still due, not leased by another live
/// instance" and takes the lease in the same statement (SQLite holds the file's write lock, PostgreSQL the row's),
/// so of several instances asking at once exactly one wins.
/// </summary>
public abstract class SqlFeedPollLeases : IFeedPollLeases
{
    private readonly SqlDialect _dialect;
    private readonly SqlFeedSourceStore _sources;
    private readonly InstanceIdentity _instance;

    private protected SqlFeedPollLeases(SqlDialect dialect, SqlFeedSourceStore sources, InstanceIdentity instance)
    {
        _dialect = dialect;
        _sources = sources;
        _instance = instance;
    }

    public async Task<FeedSource?> TryAcquireAsync(long sourceId, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using (var connection = await _dialect.OpenAsync(cancellationToken))
        await using (var command = Command(connection, """
            UPDATE feed_sources SET lease_holder = @me, lease_until = @until
            WHERE id = @id AND disabled_reason IS NULL
              AND (next_poll_at IS NULL OR next_poll_at <= @now)
              AND (retry_not_before IS NULL OR retry_not_before <= @now)
              AND (lease_until IS NULL OR lease_until <= @now OR lease_holder = @me);
            """, null,
            ("@id", sourceId), ("@me", _instance.Id), ("@now", _dialect.Time(now)), ("@until", _dialect.Time(now + duration))))
        {
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return null;
            }
        }

        return await _sources.FindAsync(sourceId, cancellationToken);
    }

    public async Task ReleaseAsync(long sourceId, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var command = Command(connection,
            "UPDATE feed_sources SET lease_holder = NULL, lease_until = NULL WHERE id = @id AND lease_holder = @me;", null,
            ("@id", sourceId), ("@me", _instance.Id));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
