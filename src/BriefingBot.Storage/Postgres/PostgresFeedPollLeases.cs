using BriefingBot.Core.Cluster;
using BriefingBot.Feeds.Sources;
using Npgsql;

namespace BriefingBot.Storage.Postgres;

/// <summary>
/// Feed-poll leases in PostgreSQL: one conditional UPDATE (row-locked) checks "still due, not leased by another live
/// instance" and takes the lease, so of several instances asking at once exactly one wins.
/// </summary>
public sealed class PostgresFeedPollLeases(PostgresDatabase database, PostgresFeedSourceStore sources, InstanceIdentity instance) : IFeedPollLeases
{
    public async Task<FeedSource?> TryAcquireAsync(long sourceId, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using (var connection = await database.OpenAsync(cancellationToken))
        await using (var command = new NpgsqlCommand("""
            UPDATE feed_sources SET lease_holder = @me, lease_until = @until
            WHERE id = @id AND disabled_reason IS NULL
              AND (next_poll_at IS NULL OR next_poll_at <= @now)
              AND (retry_not_before IS NULL OR retry_not_before <= @now)
              AND (lease_until IS NULL OR lease_until <= @now OR lease_holder = @me);
            """, connection))
        {
            command.Parameters.AddWithValue("id", sourceId);
            command.Parameters.AddWithValue("me", instance.Id);
            command.Parameters.AddWithValue("now", now.ToUniversalTime());
            command.Parameters.AddWithValue("until", (now + duration).ToUniversalTime());
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
        await using var command = new NpgsqlCommand(
            "UPDATE feed_sources SET lease_holder = NULL, lease_until = NULL WHERE id = @id AND lease_holder = @me;", connection);
        command.Parameters.AddWithValue("id", sourceId);
        command.Parameters.AddWithValue("me", instance.Id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
