using BriefingBot.Commands.Scheduling;
using BriefingBot.Testing;
using BriefingBot.Testing.Postgres;
using NodaTime;

namespace BriefingBot.Storage.Tests.Contracts;

/// <summary>What every IDeliveryLedger must do: claim a slot once, count retries, and record outcomes on the subscription.</summary>
public abstract class DeliveryLedgerContract : StoreContract
{
    private static readonly LocalDate Today = new(2026, 7, 1);

    [PostgresFact]
    public async Task TryStartAsync_SlotAlreadyClaimed_StaleClaimFails()
    {
        var subscription = await SubscribeAsync();

        var first = await Ledger.TryStartAsync(subscription.Id, Today, null, "nonce-1", Now, Ct);
        var second = await Ledger.TryStartAsync(subscription.Id, Today, null, "nonce-2", Now, Ct);

        Assert.NotNull(first);
        Assert.Equal(DeliveryAttemptState.Sending, first.State);
        Assert.Equal(1, first.Tries);
        Assert.Null(second);
    }

    [PostgresFact]
    public async Task TryStartAsync_RetryOfFailedTry_KeepsNonceAndCountsTries()
    {
        var subscription = await SubscribeAsync();
        var first = await Ledger.TryStartAsync(subscription.Id, Today, null, "nonce-1", Now, Ct);
        var retrying = await Ledger.RecordAsync(first!, new DeliveryOutcome(DeliveryAttemptState.Retrying) { Error = "503", NextRetryAt = Now.AddMinutes(1) }, Now, Ct);

        var again = await Ledger.TryStartAsync(subscription.Id, Today, retrying, "nonce-2", Now.AddMinutes(1), Ct);

        Assert.NotNull(again);
        Assert.Equal("nonce-1", again.Nonce);
        Assert.Equal(2, again.Tries);
        Assert.Equal("503", (await Subscriptions.FindAsync(1, 10, Ct))!.LastError);
    }

    [PostgresFact]
    public async Task RecordAsync_Delivered_MovesMarkerAndClearsLastError()
    {
        var subscription = await SubscribeAsync();
        var first = await Ledger.TryStartAsync(subscription.Id, Today, null, "n", Now, Ct);
        var retrying = await Ledger.RecordAsync(first!, new DeliveryOutcome(DeliveryAttemptState.Retrying) { Error = "timeout" }, Now, Ct);
        var again = await Ledger.TryStartAsync(subscription.Id, Today, retrying, "n", Now, Ct);

        await Ledger.RecordAsync(again!, new DeliveryOutcome(DeliveryAttemptState.Delivered) { Marker = Now.AddMinutes(-5) }, Now, Ct);

        var after = await Subscriptions.FindAsync(1, 10, Ct);
        Assert.Equal(Now.AddMinutes(-5), after!.LastPostedAt);
        Assert.Null(after.LastError);
        Assert.Equal(DeliveryAttemptState.Delivered, (await Ledger.FindAsync(subscription.Id, Today, Ct))!.State);
    }

    [PostgresFact]
    public async Task RecordAsync_PermanentFailure_DisablesSubscriptionWithReason()
    {
        var subscription = await SubscribeAsync();
        var first = await Ledger.TryStartAsync(subscription.Id, Today, null, "n", Now, Ct);

        await Ledger.RecordAsync(first!, new DeliveryOutcome(DeliveryAttemptState.Failed) { Error = "Unknown Channel" }, Now, Ct);

        var after = await Subscriptions.FindAsync(1, 10, Ct);
        Assert.False(after!.Enabled);
        Assert.Equal("Unknown Channel", after.DisabledReason);
        Assert.Empty(await Subscriptions.ListEnabledAsync(Ct));
    }

    [PostgresFact]
    public async Task RecordAsync_SubscriptionRemovedMeanwhile_DoesNotThrow()
    {
        var subscription = await SubscribeAsync();
        var first = await Ledger.TryStartAsync(subscription.Id, Today, null, "n", Now, Ct);
        await Subscriptions.RemoveAsync(1, 10, Ct);

        var recorded = await Ledger.RecordAsync(first!, new DeliveryOutcome(DeliveryAttemptState.Delivered), Now, Ct);

        Assert.Equal(DeliveryAttemptState.Delivered, recorded.State);
        Assert.Null(await Ledger.FindAsync(subscription.Id, Today, Ct));
    }

    private async Task<DigestSubscription> SubscribeAsync() =>
        (await Subscriptions.SaveAsync(TempDatabase.Subscription(1, 10), Ct)).Subscription;
}
