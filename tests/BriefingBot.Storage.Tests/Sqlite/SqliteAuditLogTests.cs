using BriefingBot.Storage.Tests.Contracts;

namespace BriefingBot.Storage.Tests.Sqlite;

public sealed class SqliteAuditLogTests : AuditLogContract
{
    protected override Task<IStoreProvider> CreateProviderAsync() => SqliteStoreProvider.CreateAsync();
}
