using BriefingBot.Discord.Rest;
using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Discord.Tests.Rest;

public sealed class InvalidRequestGuardTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Record_BelowTheBudget_NeverPauses()
    {
        var guard = new InvalidRequestGuard(3, _clock);

        Assert.False(guard.Record());
        Assert.False(guard.Record());

        Assert.Equal(TimeSpan.Zero, guard.PausedFor());
    }

    [Fact]
    public void Record_ReachingTheBudget_PausesUntilTheOldestLeavesTheWindow()
    {
        var guard = new InvalidRequestGuard(3, _clock);
        guard.Record();
        _clock.Advance(TimeSpan.FromMinutes(2));
        guard.Record();

        Assert.True(guard.Record());
        Assert.Equal(TimeSpan.FromMinutes(8), guard.PausedFor());

        _clock.Advance(TimeSpan.FromMinutes(8));
        Assert.Equal(TimeSpan.Zero, guard.PausedFor());
        Assert.Equal(2, guard.Count);
    }

    [Fact]
    public void Record_WhilePaused_KeepsMemoryBoundedByTheBudget()
    {
        var guard = new InvalidRequestGuard(3, _clock);
        for (var i = 0; i < 1000; i++)
        {
            guard.Record();
        }

        Assert.Equal(3, guard.Count);
    }
}
