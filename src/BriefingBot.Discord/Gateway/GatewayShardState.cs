namespace BriefingBot.Discord.Gateway;

/// <summary>One shard as health checks and metrics see it.</summary>
public sealed record GatewayShardState(GatewayShard Shard, bool IsReady, int? FatalCloseCode);
