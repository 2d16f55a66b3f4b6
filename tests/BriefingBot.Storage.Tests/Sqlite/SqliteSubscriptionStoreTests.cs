using BriefingBot.Storage.Tests.Contracts;

namespace BriefingBot.Storage.Tests.Sqlite;

public sealed class SqliteSubscriptionStoreTests : SubscriptionStoreContract
{
    protected override Task<IStoreProvider> CreateProviderAsync() => SqliteStoreProvider.CreateAsync();
}
