namespace BriefingBot.Discord.Gateway;

/// <summary>How many shards the bot runs in total and which of them this instance runs.</summary>
public sealed record ShardPlan(int Count, IReadOnlyList<int> Ids)
{
    public IEnumerable<GatewayShard> Shards => Ids.Select(id => new GatewayShard(id, Count));

    /// <summary>
    /// The plan at start: an explicit <see cref="DiscordOptions.ShardCount"/> wins, otherwise Discord's recommendation;
    /// no <see cref="DiscordOptions.ShardIds"/> means every shard runs here.
    /// </summary>
    public static ShardPlan FromOptions(DiscordOptions options, int recommended)
    {
        var count = options.ShardCount > 0 ? options.ShardCount : Math.Max(1, recommended);
        var ids = options.ShardCount > 0 && options.ShardIds.Count > 0 ? options.ShardIds.Order().ToList() : Enumerable.Range(0, count).ToList();
        return new ShardPlan(count, ids);
    }

    /// <summary>
    /// The plan after Discord closed with 4011 (sharding required). The new total is Discord's recommendation, or
    /// double the old one when the recommendation is no larger (Discord just said the old count is too small).
    /// An instance running every shard takes all of the new ones. An instance running only some
    /// (<paramref name="partOfFleet"/>) rounds the total up to a multiple of the old one and keeps exactly the guilds
    /// it had: a guild on old shard <c>i</c> lands on a new shard <c>j</c> with <c>j % old == i</c>, because the old
    /// count divides the new. Every instance computes the same from the same recommendation, so the fleet still covers
    /// each shard once without talking to each other.
    /// </summary>
    public ShardPlan AfterShardingRequired(int recommended, bool partOfFleet)
    {
        var target = recommended > Count ? recommended : Count * 2;
        if (!partOfFleet)
        {
            return new ShardPlan(target, Enumerable.Range(0, target).ToList());
        }

        var factor = (target + Count - 1) / Count;
        var ids = Ids.SelectMany(id => Enumerable.Range(0, factor).Select(k => id + (k * Count))).Order().ToList();
        return new ShardPlan(Count * factor, ids);
    }

    public override string ToString() => $"{Ids.Count} of {Count} shard(s): {string.Join(", ", Ids)}";
}
