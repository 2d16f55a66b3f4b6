using BriefingBot.Testing;
using BriefingBot.Testing.Postgres;
using Npgsql;
using Xunit.Abstractions;

namespace BriefingBot.Storage.Tests.Postgres;

[Collection(PostgresServer.CollectionName)]
public sealed class PostgresServerTests(PostgresServer server, ITestOutputHelper output)
{
    [PostgresFact]
    public async Task CreateDatabaseAsync_TwoCalls_GiveDatabasesThatDoNotSeeEachOther()
    {
        var first = await server.CreateDatabaseAsync(TestTimeout.Token());
        var second = await server.CreateDatabaseAsync(TestTimeout.Token());
        output.WriteLine($"server started (initdb + pg_ctl start) in {server.StartDuration.TotalMilliseconds:F0} ms on port {server.Port}");
        try
        {
            await using (var one = NpgsqlDataSource.Create(first))
            await using (var create = one.CreateCommand("CREATE TABLE only_here (x integer);"))
            {
                await create.ExecuteNonQueryAsync(TestTimeout.Token());
            }

            await using var two = NpgsqlDataSource.Create(second);
            await using var look = two.CreateCommand("SELECT to_regclass('only_here') IS NULL;");
            Assert.Equal(true, await look.ExecuteScalarAsync(TestTimeout.Token()));
        }
        finally
        {
            await server.DropDatabaseAsync(first, TestTimeout.Token());
            await server.DropDatabaseAsync(second, TestTimeout.Token());
        }
    }
}
