using BriefingBot.Storage.Postgres;
using BriefingBot.Testing;
using BriefingBot.Testing.Postgres;

namespace BriefingBot.Storage.Tests.Postgres;

[Collection(PostgresServer.CollectionName)]
public sealed class PostgresSharedClaimsTests(PostgresServer server) : PostgresDatabaseTest(server)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(11);

    [PostgresFact]
    public async Task TryClaimAsync_EightInstancesAtOnce_ExactlyOneGetsTheKey_AndARepeatIsRefused()
    {
        Require();
        var databases = Enumerable.Range(0, 8).Select(_ => Temp.Open()).ToArray();
        try
        {
            var instances = databases.Select(d => new PostgresSharedClaims(d, Temp.Clock)).ToArray();

            var outcomes = await Task.WhenAll(instances.Select(i => i.TryClaimAsync("interaction:42", KeepFor, TestTimeout.Token())));

            Assert.Single(outcomes, o => o);
            Assert.False(await instances[3].TryClaimAsync("interaction:42", KeepFor, TestTimeout.Token()));
            Assert.True(await instances[3].TryClaimAsync("interaction:43", KeepFor, TestTimeout.Token()));
        }
        finally
        {
            foreach (var database in databases)
            {
                await database.DisposeAsync();
            }
        }
    }

    [PostgresFact]
    public async Task TryClaimAsync_AfterTheClaimExpires_TheKeyCanBeClaimedAgain()
    {
        Require();
        var claims = new PostgresSharedClaims(Temp.Database, Temp.Clock);
        Assert.True(await claims.TryClaimAsync("interaction:7", KeepFor, TestTimeout.Token()));

        Temp.Clock.Advance(KeepFor - TimeSpan.FromSeconds(1));
        Assert.False(await claims.TryClaimAsync("interaction:7", KeepFor, TestTimeout.Token()));
        Temp.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await claims.TryClaimAsync("interaction:7", KeepFor, TestTimeout.Token()));
    }
}
