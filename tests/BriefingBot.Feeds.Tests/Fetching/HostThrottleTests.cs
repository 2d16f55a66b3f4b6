using BriefingBot.Feeds.Fetching;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Feeds.Tests.Fetching;

/// <summary>Politeness per host: at most N requests at a time, starts spaced by the minimum interval.</summary>
public sealed class HostThrottleTests
{
    private static readonly DateTimeOffset Start = new(2026, 7, 1, 7, 0, 0, TimeSpan.Zero);

    private static HostThrottle Throttle(FakeTimeProvider clock, int perHost, TimeSpan interval) =>
        new(Options.Create(new FeedsOptions { MaxRequestsPerHost = perHost, MinIntervalPerHost = interval }), clock);

    [Fact]
    public async Task AcquireAsync_ThirdRequestToOneHost_WaitsUntilOneOfTheFirstTwoFinishes()
    {
        var clock = new FakeTimeProvider(Start);
        var throttle = Throttle(clock, perHost: 2, TimeSpan.Zero);

        using var first = await throttle.AcquireAsync("news.example", CancellationToken.None);
        var second = await throttle.AcquireAsync("news.example", CancellationToken.None);
        var third = throttle.AcquireAsync("news.example", CancellationToken.None);
        await Task.Delay(50);
        Assert.False(third.IsCompleted);

        second.Dispose();
        using var granted = await third.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task AcquireAsync_BackToBack_StartsAreSpacedByTheMinimumInterval()
    {
        var clock = new FakeTimeProvider(Start);
        var throttle = Throttle(clock, perHost: 2, TimeSpan.FromSeconds(1));

        (await throttle.AcquireAsync("news.example", CancellationToken.None)).Dispose();
        var next = throttle.AcquireAsync("news.example", CancellationToken.None);
        await Task.Delay(50);
        Assert.False(next.IsCompleted);

        clock.Advance(TimeSpan.FromMilliseconds(999));
        await Task.Delay(50);
        Assert.False(next.IsCompleted);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        using var granted = await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task AcquireAsync_OtherHost_IsNotHeldUpByABusyOne()
    {
        var clock = new FakeTimeProvider(Start);
        var throttle = Throttle(clock, perHost: 1, TimeSpan.FromMinutes(1));

        using var busy = await throttle.AcquireAsync("slow.example", CancellationToken.None);
        using var other = await throttle.AcquireAsync("fast.example", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        var sameHost = throttle.AcquireAsync("slow.example", CancellationToken.None);
        await Task.Delay(50);

        Assert.False(sameHost.IsCompleted);
    }

    [Fact]
    public async Task AcquireAsync_CancelledWhileWaiting_GivesItsPlaceBack()
    {
        var clock = new FakeTimeProvider(Start);
        var throttle = Throttle(clock, perHost: 1, TimeSpan.FromSeconds(10));
        (await throttle.AcquireAsync("news.example", CancellationToken.None)).Dispose();
        using var cancel = new CancellationTokenSource();

        var waiting = throttle.AcquireAsync("news.example", cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);

        clock.Advance(TimeSpan.FromSeconds(30));
        using var granted = await throttle.AcquireAsync("news.example", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
    }
}
