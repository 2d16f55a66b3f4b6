namespace BriefingBot.Core.Timing;

/// <summary>
/// Retry delays that double from <see cref="BaseDelay"/> up to <see cref="MaxDelay"/>, then are spread by a random
/// factor between <see cref="JitterMin"/> and <see cref="JitterMax"/> so that many clients recovering from the same
/// outage do not retry in step. The gateway, the REST client and the digest scheduler each keep their own numbers;
/// the arithmetic lives here once.
/// </summary>
public sealed record ExponentialBackoff(TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    // 2^30 times any sensible base is far past any sensible cap; the clamp only keeps the arithmetic finite.
    private const int MaxDoublings = 30;

    /// <summary>The smallest factor a delay is multiplied by; with <see cref="JitterMax"/> at 1 too (the default), no jitter.</summary>
    public double JitterMin { get; init; } = 1;

    public double JitterMax { get; init; } = 1;

    /// <summary>The delay before retry number <paramref name="retry"/> (0 for the first): base × 2^retry, capped, then jittered.</summary>
    public TimeSpan Delay(int retry) => Delay(retry, Random.Shared);

    public TimeSpan Delay(int retry, Random random)
    {
        var doubled = BaseDelay.Ticks * Math.Pow(2, Math.Clamp(retry, 0, MaxDoublings));
        var capped = Math.Min(doubled, MaxDelay.Ticks);
        var factor = JitterMin == JitterMax ? JitterMin : JitterMin + (random.NextDouble() * (JitterMax - JitterMin));
        return TimeSpan.FromTicks((long)Math.Round(capped * factor));
    }
}
