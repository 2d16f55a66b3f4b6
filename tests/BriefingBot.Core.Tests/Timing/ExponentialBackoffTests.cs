using BriefingBot.Core.Timing;

namespace BriefingBot.Core.Tests.Timing;

public sealed class ExponentialBackoffTests
{
    private static readonly ExponentialBackoff Plain = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

    [Theory]
    [InlineData(-1, 1)]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(4, 16)]
    [InlineData(5, 30)]
    [InlineData(1000, 30)]
    public void Delay_NoJitter_DoublesFromTheBaseUpToTheCap(int retry, int expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), Plain.Delay(retry));
    }

    [Fact]
    public void Delay_WithJitter_StaysWithinTheFactorsOfTheCappedDelay()
    {
        var backoff = Plain with { JitterMin = 0.5, JitterMax = 1.0 };
        var random = new Random(12345);

        var delays = Enumerable.Range(0, 200).Select(_ => backoff.Delay(3, random)).ToList();

        Assert.All(delays, d => Assert.InRange(d, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)));
        Assert.True(delays.Distinct().Count() > 1, "jitter should spread the delays");
    }

    [Fact]
    public void Delay_JitterAboveOne_CanExceedTheCapByItsFactor()
    {
        var backoff = new ExponentialBackoff(TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250 * 64)) { JitterMin = 0.75, JitterMax = 1.25 };

        var delay = backoff.Delay(10, new Random(1));

        Assert.InRange(delay, TimeSpan.FromMilliseconds(12000), TimeSpan.FromMilliseconds(20000));
    }
}
