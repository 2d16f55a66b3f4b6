using BriefingBot.Discord.Rest;
using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Discord.Tests.Rest;

public sealed class LogThrottleTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void ShouldLog_BurstOfOneKind_LogsTheFirstAndCountsTheRestIntoTheNext()
    {
        var throttle = new LogThrottle(_clock, TimeSpan.FromMinutes(1));

        Assert.True(throttle.ShouldLog("429 user", out var first));
        var later = Enumerable.Range(0, 50).Count(_ => throttle.ShouldLog("429 user", out _));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(throttle.ShouldLog("429 user", out var next));

        Assert.Equal(0, first);
        Assert.Equal(0, later);
        Assert.Equal(50, next);
    }

    [Fact]
    public void ShouldLog_DifferentKinds_AreThrottledApart()
    {
        var throttle = new LogThrottle(_clock, TimeSpan.FromMinutes(1));

        Assert.True(throttle.ShouldLog("429 user", out _));
        Assert.True(throttle.ShouldLog("5xx", out _));
        Assert.False(throttle.ShouldLog("5xx", out _));
    }
}
