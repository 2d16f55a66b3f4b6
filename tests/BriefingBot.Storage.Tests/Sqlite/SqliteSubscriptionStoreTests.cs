using BriefingBot.Testing;

namespace BriefingBot.Storage.Tests.Sqlite;

public sealed class SqliteSubscriptionStoreTests : IDisposable
{
    private readonly TempDatabase _temp = new();

    private static CancellationToken Ct => TestTimeout.Token();

    [Fact]
    public async Task SaveAsync_NewChannel_IsCommittedAndSurvivesRestart()
    {
        var result = await _temp.Subscriptions.SaveAsync(TempDatabase.Subscription(7, 70, "08:30", "America/New_York") with
        {
            WebhookUrl = "https://discord.com/api/webhooks/1/secret",
            ActiveSince = _temp.Clock.GetUtcNow(),
        }, Ct);

        _temp.Reopen();
        var found = await _temp.Subscriptions.FindAsync(7, 70, Ct);

        Assert.True(result.Created);
        Assert.NotNull(found);
        Assert.Equal(result.Subscription.Id, found.Id);
        Assert.Equal("08:30 America/New_York", found.Schedule.ToString());
        Assert.Equal("https://discord.com/api/webhooks/1/secret", found.WebhookUrl);
        Assert.Equal(_temp.Clock.GetUtcNow(), found.ActiveSince);
        Assert.True(found.Enabled);
    }

    [Fact]
    public async Task SaveAsync_ExistingChannel_UpdatesReEnablesAndKeepsMarker()
    {
        var first = (await _temp.Subscriptions.SaveAsync(TempDatabase.Subscription(7, 70), Ct)).Subscription;
        var attempt = await _temp.Ledger.TryStartAsync(first.Id, new NodaTime.LocalDate(2026, 7, 1), null, "n1", _temp.Clock.GetUtcNow(), Ct);
        await _temp.Ledger.RecordAsync(attempt!, new Commands.Scheduling.DeliveryOutcome(Commands.Scheduling.DeliveryAttemptState.Delivered) { Marker = _temp.Clock.GetUtcNow() }, _temp.Clock.GetUtcNow(), Ct);
        var second = await _temp.Ledger.TryStartAsync(first.Id, new NodaTime.LocalDate(2026, 7, 2), null, "n2", _temp.Clock.GetUtcNow(), Ct);
        await _temp.Ledger.RecordAsync(second!, new Commands.Scheduling.DeliveryOutcome(Commands.Scheduling.DeliveryAttemptState.Failed) { Error = "channel deleted" }, _temp.Clock.GetUtcNow(), Ct);

        var result = await _temp.Subscriptions.SaveAsync(TempDatabase.Subscription(7, 70, "18:00", "Asia/Tokyo"), Ct);

        Assert.False(result.Created);
        Assert.Equal(first.Id, result.Subscription.Id);
        Assert.Equal("18:00 Asia/Tokyo", result.Subscription.Schedule.ToString());
        Assert.True(result.Subscription.Enabled);
        Assert.Null(result.Subscription.LastError);
        Assert.Equal(_temp.Clock.GetUtcNow(), result.Subscription.LastPostedAt);
    }

    [Fact]
    public async Task ListAsync_SeveralGuilds_ReturnsOnlyTheAskingGuildsByTime()
    {
        await _temp.Subscriptions.SaveAsync(TempDatabase.Subscription(1, 11, "18:00"), Ct);
        await _temp.Subscriptions.SaveAsync(TempDatabase.Subscription(1, 12, "07:00"), Ct);
        await _temp.Subscriptions.SaveAsync(TempDatabase.Subscription(2, 21), Ct);

        var list = await _temp.Subscriptions.ListAsync(1, Ct);

        Assert.Equal([12UL, 11UL], list.Select(s => s.ChannelId));
    }

    [Fact]
    public async Task RemoveAsync_ChannelOfAnotherGuild_LeavesItAlone()
    {
        await _temp.Subscriptions.SaveAsync(TempDatabase.Subscription(2, 21), Ct);

        Assert.False(await _temp.Subscriptions.RemoveAsync(1, 21, Ct));
        Assert.NotNull(await _temp.Subscriptions.FindAsync(2, 21, Ct));
        Assert.True(await _temp.Subscriptions.RemoveAsync(2, 21, Ct));
        Assert.Null(await _temp.Subscriptions.FindAsync(2, 21, Ct));
    }

    [Fact]
    public async Task SaveAsync_LargeSnowflakes_RoundTrip()
    {
        const ulong guild = 1_234_567_890_123_456_789UL;
        const ulong channel = ulong.MaxValue - 5;

        await _temp.Subscriptions.SaveAsync(TempDatabase.Subscription(guild, channel), Ct);

        var found = Assert.Single(await _temp.Subscriptions.ListAsync(guild, Ct));
        Assert.Equal(channel, found.ChannelId);
        Assert.Equal(guild, found.GuildId);
    }

    public void Dispose() => _temp.Dispose();
}
