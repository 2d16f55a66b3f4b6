using BriefingBot.Core.Cluster;
using BriefingBot.Feeds.Sources;
using BriefingBot.Storage.Postgres;
using BriefingBot.Storage.Tests.Contracts;
using BriefingBot.Testing;
using BriefingBot.Testing.Postgres;

namespace BriefingBot.Storage.Tests.Postgres;

/// <summary>The PostgreSQL stores over a fresh database on the shared test server.</summary>
public sealed class PostgresStoreProvider : IStoreProvider
{
    private readonly PostgresTempDatabase _temp;

    private PostgresStoreProvider(PostgresTempDatabase temp) => _temp = temp;

    public TimerAwareFakeTimeProvider Clock => _temp.Clock;

    public StoreSet Stores => new(_temp.Subscriptions, _temp.Ledger, _temp.Audit, _temp.FeedSources, _temp.FeedItems);

    public IFeedPollLeases Leases(InstanceIdentity instance) => new PostgresFeedPollLeases(_temp.Database, _temp.FeedSources, instance);

    public static async Task<IStoreProvider> CreateAsync(PostgresServer server) =>
        new PostgresStoreProvider(await PostgresTempDatabase.CreateAsync(server, cancellationToken: TestTimeout.Token()));

    public Task RestartAsync() => _temp.ReopenAsync();

    public ValueTask DisposeAsync() => _temp.DisposeAsync();
}
