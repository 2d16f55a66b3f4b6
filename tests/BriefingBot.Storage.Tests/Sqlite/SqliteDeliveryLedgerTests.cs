using BriefingBot.Storage.Tests.Contracts;

namespace BriefingBot.Storage.Tests.Sqlite;

public sealed class SqliteDeliveryLedgerTests : DeliveryLedgerContract
{
    protected override Task<IStoreProvider> CreateProviderAsync() => SqliteStoreProvider.CreateAsync();
}
