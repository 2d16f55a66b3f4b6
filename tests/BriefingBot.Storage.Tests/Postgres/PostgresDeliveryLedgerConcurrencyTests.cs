using BriefingBot.Commands.Scheduling;
using BriefingBot.Storage.Postgres;
using BriefingBot.Testing;
using BriefingBot.Testing.Postgres;
using NodaTime;

namespace BriefingBot.Storage.Tests.Postgres;

/// <summary>
/// The exactly-once claim across processes: many ledgers, each over its own pool (so its own connections, as separate
/// bot instances would have), race for the same slot, and exactly one may win each round.
/// </summary>
[Collection(PostgresServer.CollectionName)]
public sealed class PostgresDeliveryLedgerConcurrencyTests(PostgresServer server) : IAsyncLifetime
{
    private const int Instances = 8;
    private const int Rounds = 10;
    private static readonly LocalDate FirstDay = new(2026, 7, 1);

    private PostgresTempDatabase? _temp;
    private PostgresDatabase[] _instances = [];

    private PostgresTempDatabase Temp => _temp!;

    private static CancellationToken Ct => TestTimeout.Token();

    private DateTimeOffset Now => Temp.Clock.GetUtcNow();

    public async Task InitializeAsync()
    {
        _temp = await PostgresTempDatabase.CreateAsync(server, cancellationToken: Ct);
        _instances = Enumerable.Range(0, Instances).Select(_ => Temp.Open()).ToArray();
        foreach (var instance in _instances)
        {
            // Warm each pool, so the race is between claims and not between connection set-ups.
            await instance.PingAsync(Ct);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        if (_temp is not null)
        {
            await _temp.DisposeAsync();
        }
    }

    [PostgresFact]
    public async Task TryStartAsync_FirstClaimRacedByEveryInstance_ExactlyOneWinsEachSlot()
    {
        var subscription = (await Temp.Subscriptions.SaveAsync(TempDatabase.Subscription(1, 10), Ct)).Subscription;

        for (var round = 0; round < Rounds; round++)
        {
            var day = FirstDay.PlusDays(round);
            var results = await RaceAsync(i => new PostgresDeliveryLedger(_instances[i]).TryStartAsync(subscription.Id, day, null, $"nonce-{i}", Now, Ct));

            var winner = Assert.Single(results, r => r is not null);
            var stored = await Temp.Ledger.FindAsync(subscription.Id, day, Ct);
            Assert.Equal(winner!.Nonce, stored!.Nonce);
            Assert.Equal(1, stored.Tries);
        }
    }

    [PostgresFact]
    public async Task TryStartAsync_RetryRacedByEveryInstance_ExactlyOneWinsEachTry()
    {
        var subscription = (await Temp.Subscriptions.SaveAsync(TempDatabase.Subscription(1, 10), Ct)).Subscription;
        var attempt = (await Temp.Ledger.TryStartAsync(subscription.Id, FirstDay, null, "nonce", Now, Ct))!;

        for (var round = 0; round < Rounds; round++)
        {
            var retrying = await Temp.Ledger.RecordAsync(attempt, new DeliveryOutcome(DeliveryAttemptState.Retrying) { Error = "503" }, Now, Ct);

            var results = await RaceAsync(i => new PostgresDeliveryLedger(_instances[i]).TryStartAsync(subscription.Id, FirstDay, retrying, $"other-{i}", Now, Ct));

            attempt = Assert.Single(results, r => r is not null)!;
            Assert.Equal(round + 2, attempt.Tries);
            Assert.Equal("nonce", attempt.Nonce);
        }
    }

    private static async Task<DeliveryAttempt?[]> RaceAsync(Func<int, Task<DeliveryAttempt?>> claim)
    {
        using var go = new SemaphoreSlim(0);
        var claims = Enumerable.Range(0, Instances).Select(async i =>
        {
            await go.WaitAsync(Ct);
            return await claim(i);
        }).ToArray();
        go.Release(Instances);
        return await Task.WhenAll(claims);
    }
}
