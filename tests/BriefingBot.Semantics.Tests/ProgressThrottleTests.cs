using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Semantics.Tests;

public sealed class ProgressThrottleTests
{
    [Fact]
    public void Reports_EachTenth_OrAfterTheInterval_WithTheRateSinceTheStart()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var throttle = new ProgressThrottle(0, 1000, TimeSpan.FromSeconds(30), clock);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(throttle.ShouldReport(50, out _));
        Assert.True(throttle.ShouldReport(120, out var rate));
        Assert.Equal(120, rate, 3);
        Assert.False(throttle.ShouldReport(150, out _));

        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True(throttle.ShouldReport(160, out rate));
        Assert.Equal(160 / 31.0, rate, 3);
        Assert.False(throttle.ShouldReport(170, out _));
    }

    [Fact]
    public void Rate_CountsOnlyWhatThisRunEmbedded()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var throttle = new ProgressThrottle(900, 1000, TimeSpan.FromSeconds(30), clock);

        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(throttle.ShouldReport(1000, out var rate));
        Assert.Equal(50, rate, 3);
    }
}
