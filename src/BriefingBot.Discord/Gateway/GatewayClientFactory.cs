using BriefingBot.Core.Diagnostics;
using BriefingBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BriefingBot.Discord.Gateway;

/// <summary>Builds one <see cref="GatewayClient"/> per shard with the transport's shared services.</summary>
public sealed class GatewayClientFactory(
    DiscordRestClient rest,
    IWebSocketConnectionFactory sockets,
    IOptions<DiscordOptions> options,
    TimeProvider timeProvider,
    ILogger<GatewayClient> logger,
    BotMetrics? metrics = null)
{
    /// <param name="shard">The shard the client identifies as.</param>
    /// <param name="identifies">Shared by every shard of the process, so they respect max_concurrency together.</param>
    /// <param name="gatewayUrl">The URL from a <c>GET /gateway/bot</c> just made; null makes the client fetch it.</param>
    public GatewayClient Create(GatewayShard shard, IdentifyScheduler identifies, string? gatewayUrl = null) =>
        new(shard, identifies, gatewayUrl, rest, sockets, options, timeProvider, logger, metrics);

    /// <summary>A scheduler for a client run on its own (one shard, no known budget).</summary>
    public IdentifyScheduler CreateScheduler(int maxConcurrency, Models.JsonSessionStartLimit? limit, TimeSpan window) =>
        new(maxConcurrency, limit, window, timeProvider, logger);
}
