using BriefingBot.Testing;
using BriefingBot.Testing.Postgres;

namespace BriefingBot.Storage.Tests.Contracts;

/// <summary>What every ISubscriptionStore must do: durable upserts per channel, per-guild lists, snowflakes of any size.</summary>
public abstract class SubscriptionStoreContract : StoreContract
{
    [PostgresFact]
    public async Task SaveAsync_NewChannel_IsCommittedAndSurvivesRestart()
    {
        var result = await Subscriptions.SaveAsync(TempDatabase.Subscription(7, 70, "08:30", "America/New_York") with
        {
            WebhookUrl = "https://discord.com/api/webhooks/1/secret",
            ActiveSince = Clock.GetUtcNow(),
        }, Ct);

        await Provider.RestartAsync();
        var found = await Subscriptions.FindAsync(7, 70, Ct);

        Assert.True(result.Created);
        Assert.NotNull(found);
        Assert.Equal(result.Subscription.Id, found.Id);
        Assert.Equal("08:30 America/New_York", found.Schedule.ToString());
        Assert.Equal("https://discord.com/api/webhooks/1/secret", found.WebhookUrl);
        Assert.Equal(Clock.GetUtcNow(), found.ActiveSince);
        Assert.True(found.Enabled);
    }

    [PostgresFact]
    public async Task SaveAsync_ExistingChannel_UpdatesReEnablesAndKeepsMarker()
    {
        var first = (await Subscriptions.SaveAsync(TempDatabase.Subscription(7, 70), Ct)).Subscription;
        var attempt = await Ledger.TryStartAsync(first.Id, new NodaTime.LocalDate(2026, 7, 1), null, "n1", Clock.GetUtcNow(), Ct);
        await Ledger.RecordAsync(attempt!, new Commands.Scheduling.DeliveryOutcome(Commands.Scheduling.DeliveryAttemptState.Delivered) { Marker = Clock.GetUtcNow() }, Clock.GetUtcNow(), Ct);
        var second = await Ledger.TryStartAsync(first.Id, new NodaTime.LocalDate(2026, 7, 2), null, "n2", Clock.GetUtcNow(), Ct);
        await Ledger.RecordAsync(second!, new Commands.Scheduling.DeliveryOutcome(Commands.Scheduling.DeliveryAttemptState.Failed) { Error = "channel deleted" }, Clock.GetUtcNow(), Ct);

        var result = await Subscriptions.SaveAsync(TempDatabase.Subscription(7, 70, "18:00", "Asia/Tokyo"), Ct);

        Assert.False(result.Created);
        Assert.Equal(first.Id, result.Subscription.Id);
        Assert.Equal("18:00 Asia/Tokyo", result.Subscription.Schedule.ToString());
        Assert.True(result.Subscription.Enabled);
        Assert.Null(result.Subscription.LastError);
        Assert.Equal(Clock.GetUtcNow(), result.Subscription.LastPostedAt);
    }

    [PostgresFact]
    public async Task ListAsync_SeveralGuilds_ReturnsOnlyTheAskingGuildsByTime()
    {
        await Subscriptions.SaveAsync(TempDatabase.Subscription(1, 11, "18:00"), Ct);
        await Subscriptions.SaveAsync(TempDatabase.Subscription(1, 12, "07:00"), Ct);
        await Subscriptions.SaveAsync(TempDatabase.Subscription(2, 21), Ct);

        var list = await Subscriptions.ListAsync(1, Ct);

        Assert.Equal([12UL, 11UL], list.Select(s => s.ChannelId));
    }

    [PostgresFact]
    public async Task RemoveAsync_ChannelOfAnotherGuild_LeavesItAlone()
    {
        await Subscriptions.SaveAsync(TempDatabase.Subscription(2, 21), Ct);

        Assert.False(await Subscriptions.RemoveAsync(1, 21, Ct));
        Assert.NotNull(await Subscriptions.FindAsync(2, 21, Ct));
        Assert.True(await Subscriptions.RemoveAsync(2, 21, Ct));
        Assert.Null(await Subscriptions.FindAsync(2, 21, Ct));
    }

    [PostgresFact]
    public async Task SaveAsync_LargeSnowflakes_RoundTrip()
    {
        const ulong guild = 1_234_567_890_123_456_789UL;
        const ulong channel = ulong.MaxValue - 5;

        await Subscriptions.SaveAsync(TempDatabase.Subscription(guild, channel), Ct);

        var found = Assert.Single(await Subscriptions.ListAsync(guild, Ct));
        Assert.Equal(channel, found.ChannelId);
        Assert.Equal(guild, found.GuildId);
    }
}
