using BriefingBot.Storage.Tests.Contracts;
using BriefingBot.Testing.Postgres;

namespace BriefingBot.Storage.Tests.Postgres;

[Collection(PostgresServer.CollectionName)]
public sealed class PostgresFeedPollLeaseTests(PostgresServer server) : FeedPollLeaseContract
{
    protected override Task<IStoreProvider> CreateProviderAsync() => PostgresStoreProvider.CreateAsync(server);
}
