using BriefingBot.Commands.Auditing;
using BriefingBot.Commands.Scheduling;
using BriefingBot.Feeds.Sources;
using BriefingBot.Storage.Postgres;
using BriefingBot.Testing;
using BriefingBot.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace BriefingBot.Storage.Tests.Postgres;

[Collection(PostgresServer.CollectionName)]
public sealed class PostgresStorageRegistrationTests(PostgresServer server)
{
    [PostgresFact]
    public async Task AddStorage_Postgres_RegistersEveryPostgresStoreAndMigratesOnStart()
    {
        var connectionString = await server.CreateDatabaseAsync(TestTimeout.Token());
        try
        {
            await using (var services = StorageServiceCollectionExtensionsTests.Build(new()
            {
                ["Storage:Provider"] = "postgres",
                ["Storage:ConnectionString"] = connectionString,
            }))
            {
                var database = services.GetRequiredService<IStateDatabase>();
                Assert.Equal(0, await database.GetSchemaVersionAsync(TestTimeout.Token()));

                await StorageServiceCollectionExtensionsTests.StartAsync(services);

                Assert.Same(services.GetRequiredService<PostgresDatabase>(), database);
                Assert.Equal(PostgresMigrations.All[^1].Version, await database.GetSchemaVersionAsync(TestTimeout.Token()));
                Assert.IsType<PostgresSubscriptionStore>(services.GetRequiredService<ISubscriptionStore>());
                Assert.IsType<PostgresDeliveryLedger>(services.GetRequiredService<IDeliveryLedger>());
                Assert.IsType<PostgresAuditLog>(services.GetRequiredService<IAuditLog>());
                Assert.IsType<PostgresFeedSourceStore>(services.GetRequiredService<IFeedSourceStore>());
                Assert.IsType<PostgresFeedItemStore>(services.GetRequiredService<IFeedItemStore>());
            }
        }
        finally
        {
            await server.DropDatabaseAsync(connectionString, TestTimeout.Token());
        }
    }

    [Fact]
    public void Description_ConnectionStringWithPassword_NamesTheDatabaseButNotThePassword()
    {
        using var database = new PostgresDatabase(
            "Host=db.internal;Port=5433;Database=briefing;Username=bot;Password=hunter2-secret", PostgresMigrations.All, NullLogger.Instance);

        Assert.Equal("PostgreSQL database 'briefing' on db.internal:5433", database.Description);
        Assert.Contains("hunter2-secret", database.ConnectionString, StringComparison.Ordinal);
    }
}
