using BriefingBot.Discord.Gateway;

namespace BriefingBot.Discord.Tests.Gateway;

public sealed class ShardPlanTests
{
    [Theory]
    [InlineData(0, new int[0], 3, 3, new[] { 0, 1, 2 })] // automatic: Discord's recommendation, all here
    [InlineData(0, new int[0], 0, 1, new[] { 0 })] // a recommendation of 0 still runs one shard
    [InlineData(4, new int[0], 1, 4, new[] { 0, 1, 2, 3 })] // explicit count wins over the recommendation
    [InlineData(4, new[] { 3, 1 }, 1, 4, new[] { 1, 3 })] // explicit ids, in order
    public void FromOptions_CountAndIds_AsConfiguredOrRecommended(int shardCount, int[] shardIds, int recommended, int expectedCount, int[] expectedIds)
    {
        var options = new DiscordOptions { Token = "abc", ShardCount = shardCount, ShardIds = shardIds.ToList() };

        var plan = ShardPlan.FromOptions(options, recommended);

        Assert.Equal(expectedCount, plan.Count);
        Assert.Equal(expectedIds, plan.Ids);
    }

    [Theory]
    [InlineData(1, 3, 3)] // Discord's larger recommendation
    [InlineData(2, 2, 4)] // no larger recommendation: double
    [InlineData(4, 1, 8)]
    public void AfterShardingRequired_AllShardsHere_TakesEveryNewShard(int count, int recommended, int expectedCount)
    {
        var plan = new ShardPlan(count, Enumerable.Range(0, count).ToList()).AfterShardingRequired(recommended, partOfFleet: false);

        Assert.Equal(expectedCount, plan.Count);
        Assert.Equal(Enumerable.Range(0, expectedCount), plan.Ids);
    }

    [Fact]
    public void AfterShardingRequired_PartOfFleet_RoundsUpToAMultipleAndKeepsItsGuilds()
    {
        var plan = new ShardPlan(2, [1]).AfterShardingRequired(3, partOfFleet: true);

        Assert.Equal(4, plan.Count);
        Assert.Equal([1, 3], plan.Ids);
    }

    [Theory]
    [InlineData(2, 3)]
    [InlineData(3, 5)]
    [InlineData(3, 2)]
    [InlineData(4, 16)]
    public void AfterShardingRequired_AFleetSplitOverInstances_StillCoversEveryShardOnce(int count, int recommended)
    {
        // One instance per old shard, each deciding alone.
        var plans = Enumerable.Range(0, count).Select(id => new ShardPlan(count, [id]).AfterShardingRequired(recommended, partOfFleet: true)).ToList();

        var newCount = Assert.Single(plans.Select(p => p.Count).Distinct());
        Assert.True(newCount >= recommended && newCount > count && newCount % count == 0, $"new count {newCount}");
        Assert.Equal(Enumerable.Range(0, newCount), plans.SelectMany(p => p.Ids).Order());

        // The guilds each instance served before are exactly the ones it serves now.
        for (var guild = 0UL; guild < 1000; guild++)
        {
            var oldShard = (int)(guild % (ulong)count);
            var newShard = (int)(guild % (ulong)newCount);
            Assert.Contains(newShard, plans[oldShard].Ids);
        }
    }
}
