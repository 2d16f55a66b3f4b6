using BriefingBot.Commands.Scheduling;
using BriefingBot.Testing;
using NodaTime;

namespace BriefingBot.Storage.Tests.Sqlite;

public sealed class SqliteDeliveryLedgerTests : IDisposable
{
    private static readonly LocalDate Today = new(2026, 7, 1);
    private readonly TempDatabase _temp = new();

    private static CancellationToken Ct => TestTimeout.Token();

    [Fact]
    public async Task TryStartAsync_SlotAlreadyClaimed_StaleClaimFails()
    {
        var subscription = await SubscribeAsync();

        var first = await _temp.Ledger.TryStartAsync(subscription.Id, Today, null, "nonce-1", Now, Ct);
        var second = await _temp.Ledger.TryStartAsync(subscription.Id, Today, null, "nonce-2", Now, Ct);

        Assert.NotNull(first);
        Assert.Equal(DeliveryAttemptState.Sending, first.State);
        Assert.Equal(1, first.Tries);
        Assert.Null(second);
    }

    [Fact]
    public async Task TryStartAsync_RetryOfFailedTry_KeepsNonceAndCountsTries()
    {
        var subscription = await SubscribeAsync();
        var first = await _temp.Ledger.TryStartAsync(subscription.Id, Today, null, "nonce-1", Now, Ct);
        var retrying = await _temp.Ledger.RecordAsync(first!, new DeliveryOutcome(DeliveryAttemptState.Retrying) { Error = "503", NextRetryAt = Now.AddMinutes(1) }, Now, Ct);

        var again = await _temp.Ledger.TryStartAsync(subscription.Id, Today, retrying, "nonce-2", Now.AddMinutes(1), Ct);

        Assert.NotNull(again);
        Assert.Equal("nonce-1", again.Nonce);
        Assert.Equal(2, again.Tries);
        Assert.Equal("503", (await _temp.Subscriptions.FindAsync(1, 10, Ct))!.LastError);
    }

    [Fact]
    public async Task RecordAsync_Delivered_MovesMarkerAndClearsLastError()
    {
        var subscription = await SubscribeAsync();
        var first = await _temp.Ledger.TryStartAsync(subscription.Id, Today, null, "n", Now, Ct);
        var retrying = await _temp.Ledger.RecordAsync(first!, new DeliveryOutcome(DeliveryAttemptState.Retrying) { Error = "timeout" }, Now, Ct);
        var again = await _temp.Ledger.TryStartAsync(subscription.Id, Today, retrying, "n", Now, Ct);

        await _temp.Ledger.RecordAsync(again!, new DeliveryOutcome(DeliveryAttemptState.Delivered) { Marker = Now.AddMinutes(-5) }, Now, Ct);

        var after = await _temp.Subscriptions.FindAsync(1, 10, Ct);
        Assert.Equal(Now.AddMinutes(-5), after!.LastPostedAt);
        Assert.Null(after.LastError);
        Assert.Equal(DeliveryAttemptState.Delivered, (await _temp.Ledger.FindAsync(subscription.Id, Today, Ct))!.State);
    }

    [Fact]
    public async Task RecordAsync_PermanentFailure_DisablesSubscriptionWithReason()
    {
        var subscription = await SubscribeAsync();
        var first = await _temp.Ledger.TryStartAsync(subscription.Id, Today, null, "n", Now, Ct);

        await _temp.Ledger.RecordAsync(first!, new DeliveryOutcome(DeliveryAttemptState.Failed) { Error = "Unknown Channel" }, Now, Ct);

        var after = await _temp.Subscriptions.FindAsync(1, 10, Ct);
        Assert.False(after!.Enabled);
        Assert.Equal("Unknown Channel", after.DisabledReason);
        Assert.Empty(await _temp.Subscriptions.ListEnabledAsync(Ct));
    }

    [Fact]
    public async Task RecordAsync_SubscriptionRemovedMeanwhile_DoesNotThrow()
    {
        var subscription = await SubscribeAsync();
        var first = await _temp.Ledger.TryStartAsync(subscription.Id, Today, null, "n", Now, Ct);
        await _temp.Subscriptions.RemoveAsync(1, 10, Ct);

        var recorded = await _temp.Ledger.RecordAsync(first!, new DeliveryOutcome(DeliveryAttemptState.Delivered), Now, Ct);

        Assert.Equal(DeliveryAttemptState.Delivered, recorded.State);
        Assert.Null(await _temp.Ledger.FindAsync(subscription.Id, Today, Ct));
    }

    public void Dispose() => _temp.Dispose();

    private DateTimeOffset Now => _temp.Clock.GetUtcNow();

    private async Task<DigestSubscription> SubscribeAsync() =>
        (await _temp.Subscriptions.SaveAsync(TempDatabase.Subscription(1, 10), Ct)).Subscription;
}
