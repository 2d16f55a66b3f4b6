using BriefingBot.Core.Cluster;
using BriefingBot.Storage.Shared;

namespace BriefingBot.Storage.Postgres;

/// <summary>
/// Feed-poll leases in PostgreSQL: one conditional UPDATE (row-locked) checks "still due, not leased by another live
/// instance" and takes the lease, so of several instances asking at once exactly one wins.
/// </summary>
public sealed class PostgresFeedPollLeases(PostgresDatabase database, PostgresFeedSourceStore sources, InstanceIdentity instance)
    : SqlFeedPollLeases(new PostgresDialect(database), sources, instance);
