using System.Globalization;

namespace BriefingBot.Discord.Gateway;

/// <summary>One gateway shard: Discord sends it the events of guilds whose <c>(guild_id &gt;&gt; 22) % Count == Id</c>.</summary>
public readonly record struct GatewayShard(int Id, int Count)
{
    /// <summary>The value of Identify's <c>shard</c> field.</summary>
    public int[] ToIdentifyArray() => [Id, Count];

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"[{Id}, {Count}]");
}
