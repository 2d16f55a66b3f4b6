using BriefingBot.Storage.Tests.Contracts;

namespace BriefingBot.Storage.Tests.Sqlite;

public sealed class SqliteFeedItemStoreTests : FeedItemStoreContract
{
    protected override Task<IStoreProvider> CreateProviderAsync() => SqliteStoreProvider.CreateAsync();
}
