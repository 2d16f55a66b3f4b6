using BriefingBot.Discord.Interactions;
using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Discord.Tests.Interactions;

public sealed class RecentIdsTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Add_SameIdInsideRetention_IsARepeat()
    {
        var ids = new RecentIds(10, TimeSpan.FromMinutes(5), _clock);

        Assert.True(ids.Add(1));
        _clock.Advance(TimeSpan.FromMinutes(4));

        Assert.False(ids.Add(1));
    }

    [Fact]
    public void Add_AfterRetention_ForgetsTheIdAndItsMemory()
    {
        var ids = new RecentIds(10, TimeSpan.FromMinutes(5), _clock);
        for (ulong id = 1; id <= 5; id++)
        {
            ids.Add(id);
        }

        _clock.Advance(TimeSpan.FromMinutes(5));

        Assert.True(ids.Add(1));
        Assert.Equal(1, ids.Count);
    }

    [Fact]
    public void Add_BeyondCapacity_KeepsOnlyTheNewest()
    {
        var ids = new RecentIds(3, TimeSpan.FromHours(1), _clock);
        for (ulong id = 1; id <= 100; id++)
        {
            ids.Add(id);
        }

        Assert.Equal(3, ids.Count);
        Assert.False(ids.Add(100));
        Assert.True(ids.Add(1));
    }
}
