namespace BriefingBot.Discord.Tests.Support;

/// <summary>A clock that only moves when told; enough for logic that reads the time without waiting on it.</summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
