using System.Globalization;
using BriefingBot.Commands.Scheduling;
using NodaTime;

namespace BriefingBot.Commands.Tests.Scheduling;

public sealed class DueDigestRunnerTests
{
    private static readonly DateTimeOffset Day1 = At("2026-07-01T05:00:00Z"); // 06:00 in London (BST)

    [Theory]
    [InlineData("Europe/London", "01:30", "2026-03-28T12:00:00Z", "2026-03-30T12:00:00Z", "2026-03-29T01:30:00Z", "2026-03-30T00:30:00Z")] // 01:30 GMT missing: 02:30 BST
    [InlineData("Europe/London", "01:30", "2026-10-24T12:00:00Z", "2026-10-25T23:00:00Z", "2026-10-25T00:30:00Z")] // 01:30 twice: only the first
    [InlineData("America/New_York", "02:30", "2026-03-07T12:00:00Z", "2026-03-08T23:00:00Z", "2026-03-08T07:30:00Z")] // 02:30 missing: 03:30 EDT
    [InlineData("America/New_York", "01:30", "2026-10-31T12:00:00Z", "2026-11-01T23:00:00Z", "2026-11-01T05:30:00Z")] // 01:30 twice: only EDT
    public async Task RunDueAsync_AcrossDaylightSavingChange_PostsOncePerDayAtTheResolvedInstant(string zone, string time, string start, string end, params string[] expected)
    {
        using var harness = new SchedulerHarness(At(start));
        await harness.SubscribeAsync(10, time, zone);

        await harness.RunUntilAsync(At(end));

        Assert.Equal(expected.Select(At), harness.Sent.Select(s => s.At));
    }

    [Fact]
    public async Task RunDueAsync_RestartLaterSameDay_DoesNotPostAgain()
    {
        using var harness = new SchedulerHarness(Day1);
        await harness.SubscribeAsync(10, "08:00", "Europe/London");
        await harness.RunUntilAsync(Day1.AddHours(3));

        harness.Restart();
        await harness.RunUntilAsync(Day1.AddHours(18));

        Assert.Single(harness.Sent);
    }

    [Fact]
    public async Task RunDueAsync_RestartMidSendWithinNonceWindow_ResendsOnceWithTheSameNonce()
    {
        using var harness = new SchedulerHarness(Day1);
        var subscription = await harness.SubscribeAsync(10, "08:00", "Europe/London");
        harness.Clock.SetUtcNow(At("2026-07-01T07:00:00Z"));
        var interrupted = await harness.Temp.Ledger.TryStartAsync(subscription.Id, new LocalDate(2026, 7, 1), null, "NONCE-FROM-DEAD-RUN", harness.Clock.GetUtcNow(), SchedulerHarness.Ct);

        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        harness.Restart();
        await harness.RunUntilAsync(Day1.AddHours(18));

        var sent = Assert.Single(harness.Sent);
        Assert.Equal("NONCE-FROM-DEAD-RUN", sent.Target.Nonce);
        Assert.Equal(2, (await harness.Temp.Ledger.FindAsync(subscription.Id, new LocalDate(2026, 7, 1), SchedulerHarness.Ct))!.Tries);
        Assert.NotNull(interrupted);
    }

    [Fact]
    public async Task RunDueAsync_SlotClaimedByAnotherInstanceMomentsAgo_LeavesItThenTakesOverWithTheSameNonce()
    {
        using var harness = new SchedulerHarness(Day1);
        var subscription = await harness.SubscribeAsync(10, "08:00", "Europe/London");
        harness.Clock.SetUtcNow(At("2026-07-01T07:00:00Z"));
        var slot = new LocalDate(2026, 7, 1);
        await harness.Temp.Ledger.TryStartAsync(subscription.Id, slot, null, "NONCE-OF-OTHER-INSTANCE", harness.Clock.GetUtcNow(), SchedulerHarness.Ct);

        harness.Clock.Advance(TimeSpan.FromSeconds(10));
        var wake = await harness.Scheduler.RunDueAsync(SchedulerHarness.Ct);

        Assert.Empty(harness.Sent);
        Assert.Equal(At("2026-07-01T07:00:00Z") + harness.Options.ClaimTimeout, wake);
        Assert.Equal(DeliveryAttemptState.Sending, (await harness.Temp.Ledger.FindAsync(subscription.Id, slot, SchedulerHarness.Ct))!.State);

        // The other instance never confirmed: once its claim has run out, this one resends, inside Discord's nonce memory.
        await harness.RunUntilAsync(Day1.AddHours(18));
        var sent = Assert.Single(harness.Sent);
        Assert.Equal("NONCE-OF-OTHER-INSTANCE", sent.Target.Nonce);
        Assert.Equal(At("2026-07-01T07:01:00Z"), sent.At);
    }

    [Theory]
    [InlineData(null, 10)] // bot user, but restarted after Discord's nonce memory is gone
    [InlineData("https://discord.com/api/webhooks/1/token", 1)] // webhooks have no nonce at all
    public async Task RunDueAsync_RestartMidSendUnconfirmable_MarksUnknownAndDoesNotResend(string? webhook, int minutesLater)
    {
        using var harness = new SchedulerHarness(Day1);
        var subscription = await harness.SubscribeAsync(10, "08:00", "Europe/London", webhook);
        harness.Clock.SetUtcNow(At("2026-07-01T07:00:00Z"));
        await harness.Temp.Ledger.TryStartAsync(subscription.Id, new LocalDate(2026, 7, 1), null, "N", harness.Clock.GetUtcNow(), SchedulerHarness.Ct);

        harness.Clock.Advance(TimeSpan.FromMinutes(minutesLater));
        harness.Restart();
        await harness.RunUntilAsync(Day1.AddHours(18));

        Assert.Empty(harness.Sent);
        Assert.Equal(DeliveryAttemptState.Unknown, (await harness.Temp.Ledger.FindAsync(subscription.Id, new LocalDate(2026, 7, 1), SchedulerHarness.Ct))!.State);
        Assert.Contains("not resent", (await harness.Temp.Subscriptions.FindAsync(1, 10, SchedulerHarness.Ct))!.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunDueAsync_AfterThreeDaysDown_PostsTheMissedDigestOnce()
    {
        using var harness = new SchedulerHarness(Day1);
        await harness.SubscribeAsync(10, "08:00", "Europe/London");
        await harness.RunUntilAsync(Day1.AddHours(12));

        harness.Clock.SetUtcNow(Day1.AddDays(3).AddHours(7)); // down from day 1 noon until day 4 noon, no ticks meanwhile
        harness.Restart();
        await harness.RunUntilAsync(Day1.AddDays(3).AddHours(18));

        Assert.Equal([At("2026-07-01T07:00:00Z"), At("2026-07-04T12:00:00Z")], harness.Sent.Select(s => s.At));
    }

    [Fact]
    public async Task RunDueAsync_TwoSubscriptionsSameMinute_BothPost()
    {
        using var harness = new SchedulerHarness(Day1);
        await harness.SubscribeAsync(10, "08:00", "Europe/London");
        await harness.SubscribeAsync(20, "09:00", "Europe/Paris");

        await harness.RunUntilAsync(Day1.AddHours(4));

        Assert.Equal([10UL, 20UL], harness.Sent.Select(s => s.Target.ChannelId).Order());
        Assert.All(harness.Sent, s => Assert.Equal(At("2026-07-01T07:00:00Z"), s.At));
    }

    [Fact]
    public async Task RunDueAsync_TransientFailuresThenSuccess_RetriesWithBackoffAndSameNonce()
    {
        using var harness = new SchedulerHarness(Day1);
        await harness.SubscribeAsync(10, "08:00", "Europe/London");
        harness.FailNext(new DeliveryResult(DeliveryStatus.TransientFailure, "Discord is down"), new DeliveryResult(DeliveryStatus.TransientFailure, "Discord is down"));

        await harness.RunUntilAsync(At("2026-07-01T07:01:30Z"));
        var midway = await harness.Temp.Subscriptions.FindAsync(1, 10, SchedulerHarness.Ct);
        await harness.RunUntilAsync(Day1.AddHours(18));

        Assert.Equal("Discord is down", midway!.LastError);
        Assert.Equal([At("2026-07-01T07:00:00Z"), At("2026-07-01T07:01:00Z"), At("2026-07-01T07:03:00Z")], harness.Sent.Select(s => s.At));
        Assert.Single(harness.Sent.Select(s => s.Target.Nonce).Distinct());
        var after = await harness.Temp.Subscriptions.FindAsync(1, 10, SchedulerHarness.Ct);
        Assert.Null(after!.LastError);
        Assert.Equal(At("2026-07-01T07:03:00Z"), after.LastPostedAt);
    }

    [Fact]
    public async Task RunDueAsync_RetryAfterLongerThanBackoff_WaitsForDiscord()
    {
        using var harness = new SchedulerHarness(Day1);
        await harness.SubscribeAsync(10, "08:00", "Europe/London");
        harness.FailNext(new DeliveryResult(DeliveryStatus.TransientFailure, "rate limited") { RetryAfter = TimeSpan.FromMinutes(5) });

        await harness.RunUntilAsync(Day1.AddHours(18));

        Assert.Equal([At("2026-07-01T07:00:00Z"), At("2026-07-01T07:05:00Z")], harness.Sent.Select(s => s.At));
    }

    [Fact]
    public async Task RunDueAsync_FailingAllDay_GivesUpBeforeTheNextOccurrence()
    {
        using var harness = new SchedulerHarness(Day1);
        var subscription = await harness.SubscribeAsync(10, "08:00", "Europe/London");
        harness.FailNext(Enumerable.Repeat(new DeliveryResult(DeliveryStatus.TransientFailure, "Discord is down"), 60).ToArray());

        await harness.RunUntilAsync(At("2026-07-02T06:59:00Z"));

        var attempt = await harness.Temp.Ledger.FindAsync(subscription.Id, new LocalDate(2026, 7, 1), SchedulerHarness.Ct);
        Assert.Equal(DeliveryAttemptState.GaveUp, attempt!.State);
        Assert.InRange(harness.Sent.Count, 40, 55); // 1, 2, 4 … 30, 30 … minutes apart for a day
        Assert.All(harness.Sent.Zip(harness.Sent.Skip(1)), pair => Assert.True(pair.Second.At - pair.First.At <= TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public async Task RunDueAsync_PermanentFailure_DisablesAndStopsRetrying()
    {
        using var harness = new SchedulerHarness(Day1);
        await harness.SubscribeAsync(10, "08:00", "Europe/London");
        harness.FailNext(new DeliveryResult(DeliveryStatus.PermanentFailure, "Unknown Channel"));

        await harness.RunUntilAsync(Day1.AddDays(3));

        Assert.Single(harness.Sent);
        var after = await harness.Temp.Subscriptions.FindAsync(1, 10, SchedulerHarness.Ct);
        Assert.Equal("Unknown Channel", after!.DisabledReason);
        var audit = await harness.Temp.Audit.RecentAsync(1, 5, SchedulerHarness.Ct);
        Assert.Contains(audit, e => e.UserName == DueDigestRunner.AuditUser && e.Outcome == "disabled: Unknown Channel");
    }

    [Fact]
    public async Task RunDueAsync_SubscribedAfterTodaysTime_WaitsForTomorrow()
    {
        using var harness = new SchedulerHarness(At("2026-07-01T09:00:00Z"));
        await harness.SubscribeAsync(10, "08:00", "Europe/London");

        await harness.RunUntilAsync(At("2026-07-02T12:00:00Z"));

        Assert.Equal([At("2026-07-02T07:00:00Z")], harness.Sent.Select(s => s.At));
    }

    [Fact]
    public async Task RunDueAsync_NoArticlesLoadedYet_WaitsWithoutUsingTheSlot()
    {
        using var harness = new SchedulerHarness(Day1);
        var loaded = harness.Articles.Current;
        harness.Articles.Publish(Core.Store.ArticleSnapshot.Empty);
        await harness.SubscribeAsync(10, "08:00", "Europe/London");
        await harness.RunUntilAsync(At("2026-07-01T07:30:00Z"));

        harness.Articles.Publish(loaded);
        await harness.RunUntilAsync(At("2026-07-01T08:00:00Z"));

        Assert.Equal([At("2026-07-01T07:30:00Z")], harness.Sent.Select(s => s.At)); // the first tick after loading
    }

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
