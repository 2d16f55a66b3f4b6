using BriefingBot.Discord.Gateway;
using BriefingBot.Discord.Models;
using BriefingBot.Discord.Tests.Support;
using BriefingBot.Testing;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Discord.Tests.Gateway;

public sealed class IdentifySchedulerTests : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly TimerAwareFakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly TestLogSink _logs = new();

    [Theory]
    [InlineData(1, 0, 0)]
    [InlineData(1, 7, 0)]
    [InlineData(2, 1, 1)]
    [InlineData(4, 5, 1)]
    [InlineData(16, 31, 15)]
    public void BucketOf_IsShardIdModuloMaxConcurrency(int maxConcurrency, int shardId, int expected)
    {
        Assert.Equal(expected, Scheduler(maxConcurrency).BucketOf(shardId));
    }

    [Fact]
    public async Task WaitTurnAsync_SameBucket_NextIdentifyWaitsOneWindowAfterTheSend()
    {
        var scheduler = Scheduler(maxConcurrency: 1);
        using (var first = await scheduler.WaitTurnAsync(0, CancellationToken.None))
        {
            first.Sent();
        }

        var second = scheduler.WaitTurnAsync(1, CancellationToken.None);
        await _clock.WaitForTimersAsync(1, Timeout);
        _clock.Advance(Window - TimeSpan.FromMilliseconds(1));
        Assert.False(second.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        (await second.WaitAsync(Timeout)).Dispose();
    }

    [Fact]
    public async Task WaitTurnAsync_DifferentBuckets_IdentifyAtOnceWhileTheSameBucketWaits()
    {
        var scheduler = Scheduler(maxConcurrency: 2);

        using var shard0 = await scheduler.WaitTurnAsync(0, CancellationToken.None);
        using var shard1 = await scheduler.WaitTurnAsync(1, CancellationToken.None).WaitAsync(Timeout);
        shard0.Sent();
        shard1.Sent();
        var shard2 = scheduler.WaitTurnAsync(2, CancellationToken.None);
        var shard3 = scheduler.WaitTurnAsync(3, CancellationToken.None);
        await _clock.WaitForTimersAsync(2, Timeout);

        Assert.False(shard2.IsCompleted);
        Assert.False(shard3.IsCompleted);
        _clock.Advance(Window);
        (await shard2.WaitAsync(Timeout)).Dispose();
        (await shard3.WaitAsync(Timeout)).Dispose();
    }

    [Fact]
    public async Task WaitTurnAsync_TurnHeldUntilSent_WindowCountsFromTheSendNotTheTurn()
    {
        var scheduler = Scheduler(maxConcurrency: 1);
        var first = await scheduler.WaitTurnAsync(0, CancellationToken.None);
        var second = scheduler.WaitTurnAsync(1, CancellationToken.None);

        _clock.Advance(TimeSpan.FromSeconds(30)); // a slow connect: the bucket stays taken meanwhile
        Assert.False(second.IsCompleted);
        first.Sent();
        first.Dispose();
        await _clock.WaitForTimersAsync(1, Timeout);
        _clock.Advance(Window - TimeSpan.FromMilliseconds(1));
        Assert.False(second.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        (await second.WaitAsync(Timeout)).Dispose();
    }

    [Fact]
    public async Task WaitTurnAsync_TurnGivenBackUnsent_NextGoesAtOnceAndTheBudgetIsReturned()
    {
        var scheduler = Scheduler(maxConcurrency: 1, new JsonSessionStartLimit(1000, 10, 3_600_000, 1));
        var first = await scheduler.WaitTurnAsync(0, CancellationToken.None);
        Assert.Equal(9, scheduler.Remaining);

        first.Dispose(); // e.g. the connection failed before Hello
        using var second = await scheduler.WaitTurnAsync(1, CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(9, scheduler.Remaining);
    }

    [Fact]
    public async Task WaitTurnAsync_BudgetUsedUp_WaitsResetAfterAndSaysWhy()
    {
        var scheduler = Scheduler(maxConcurrency: 1, new JsonSessionStartLimit(1000, 0, 60_000, 1));

        var turn = scheduler.WaitTurnAsync(3, CancellationToken.None);
        await _clock.WaitForTimersAsync(1, Timeout);
        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.False(turn.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(1));

        using (var granted = await turn.WaitAsync(Timeout))
        {
            granted.Sent();
        }

        var line = Assert.Single(_logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("shard 3 waits 60000 ms", line.Message, StringComparison.Ordinal);
        Assert.Equal(999, scheduler.Remaining);
    }

    [Fact]
    public async Task WaitTurnAsync_LastIdentifiesOfTheBudget_TheNextWaitsForTheReset()
    {
        var scheduler = Scheduler(maxConcurrency: 4, new JsonSessionStartLimit(1000, 2, 10_000, 4));

        using var shard0 = await scheduler.WaitTurnAsync(0, CancellationToken.None);
        using var shard1 = await scheduler.WaitTurnAsync(1, CancellationToken.None);
        var shard2 = scheduler.WaitTurnAsync(2, CancellationToken.None);
        await _clock.WaitForTimersAsync(1, Timeout);

        Assert.False(shard2.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(10));
        (await shard2.WaitAsync(Timeout)).Dispose();
    }

    [Fact]
    public async Task WaitTurnAsync_CancelledWhileWaiting_GivesTheBucketBack()
    {
        var scheduler = Scheduler(maxConcurrency: 1);
        using (var first = await scheduler.WaitTurnAsync(0, CancellationToken.None))
        {
            first.Sent();
        }

        using var cancel = new CancellationTokenSource();
        var waiting = scheduler.WaitTurnAsync(1, cancel.Token);
        await _clock.WaitForTimersAsync(1, Timeout);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        _clock.Advance(Window);

        (await scheduler.WaitTurnAsync(1, CancellationToken.None).WaitAsync(Timeout)).Dispose();
    }

    public void Dispose() => _logs.Dispose();

    private IdentifyScheduler Scheduler(int maxConcurrency, JsonSessionStartLimit? limit = null) =>
        new(maxConcurrency, limit, Window, _clock, _logs.CreateLogger("IdentifyScheduler"));
}
