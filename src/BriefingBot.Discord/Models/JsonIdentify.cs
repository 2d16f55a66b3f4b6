namespace BriefingBot.Discord.Models;

/// <summary>Op 2's data: starts a new session; <see cref="Shard"/> is <c>[shard_id, num_shards]</c>.</summary>
public sealed record JsonIdentify(string Token, int Intents, JsonIdentifyProperties Properties, IReadOnlyList<int>? Shard = null);
