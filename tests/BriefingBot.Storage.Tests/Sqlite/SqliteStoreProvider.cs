using BriefingBot.Core.Cluster;
using BriefingBot.Feeds.Sources;
using BriefingBot.Storage.Sqlite;
using BriefingBot.Storage.Tests.Contracts;
using BriefingBot.Testing;

namespace BriefingBot.Storage.Tests.Sqlite;

/// <summary>The SQLite stores over a <see cref="TempDatabase"/> file.</summary>
public sealed class SqliteStoreProvider : IStoreProvider
{
    private readonly TempDatabase _temp = new();

    public TimerAwareFakeTimeProvider Clock => _temp.Clock;

    public StoreSet Stores => new(_temp.Subscriptions, _temp.Ledger, _temp.Audit, new SqliteFeedSourceStore(_temp.Database), new SqliteFeedItemStore(_temp.Database));

    public IFeedPollLeases Leases(InstanceIdentity instance) => new SqliteFeedPollLeases(_temp.Database, new SqliteFeedSourceStore(_temp.Database), instance);

    public static Task<IStoreProvider> CreateAsync() => Task.FromResult<IStoreProvider>(new SqliteStoreProvider());

    public Task RestartAsync()
    {
        _temp.Reopen();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _temp.Dispose();
        return ValueTask.CompletedTask;
    }
}
