using BriefingBot.Storage.Postgres;
using BriefingBot.Testing;
using BriefingBot.Testing.Postgres;

namespace BriefingBot.Storage.Tests.Postgres;

[Collection(PostgresServer.CollectionName)]
public sealed class PostgresSharedClaimsTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(11);
    private PostgresTempDatabase _temp = null!;

    public async Task InitializeAsync()
    {
        if (server.UnavailableReason is null)
        {
            _temp = await PostgresTempDatabase.CreateAsync(server, cancellationToken: TestTimeout.Token());
        }
    }

    public async Task DisposeAsync()
    {
        if (_temp is not null)
        {
            await _temp.DisposeAsync();
        }
    }

    [PostgresFact]
    public async Task TryClaimAsync_EightInstancesAtOnce_ExactlyOneGetsTheKey_AndARepeatIsRefused()
    {
        Require();
        var databases = Enumerable.Range(0, 8).Select(_ => _temp.Open()).ToArray();
        try
        {
            var instances = databases.Select(d => new PostgresSharedClaims(d, _temp.Clock)).ToArray();

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
        var claims = new PostgresSharedClaims(_temp.Database, _temp.Clock);
        Assert.True(await claims.TryClaimAsync("interaction:7", KeepFor, TestTimeout.Token()));

        _temp.Clock.Advance(KeepFor - TimeSpan.FromSeconds(1));
        Assert.False(await claims.TryClaimAsync("interaction:7", KeepFor, TestTimeout.Token()));
        _temp.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await claims.TryClaimAsync("interaction:7", KeepFor, TestTimeout.Token()));
    }

    private void Require()
    {
        if (server.UnavailableReason is { } reason)
        {
            throw new PostgresUnavailableException(reason);
        }
    }
}
