using BriefingBot.Storage.Tests.Contracts;

namespace BriefingBot.Storage.Tests.Sqlite;

public sealed class SqliteFeedSourceStoreTests : FeedSourceStoreContract
{
    protected override Task<IStoreProvider> CreateProviderAsync() => SqliteStoreProvider.CreateAsync();
}
