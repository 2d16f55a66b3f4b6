namespace BriefingBot.Testing.Discord;

/// <summary>An Identify (op 2) the fake gateway received: on which connection, as which shard, and when.</summary>
/// <param name="ConnectionIndex">The <see cref="FakeGatewayConnection.Index"/> it arrived on.</param>
/// <param name="ShardId">The first element of <c>d.shard</c>; null when the client sent no shard.</param>
/// <param name="ShardCount">The second element of <c>d.shard</c>; null when the client sent no shard.</param>
/// <param name="At">When the fake read it (wall clock).</param>
public sealed record RecordedIdentify(int ConnectionIndex, int? ShardId, int? ShardCount, DateTimeOffset At);
