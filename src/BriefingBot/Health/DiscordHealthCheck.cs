using BriefingBot.Discord;
using BriefingBot.Discord.Gateway;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace BriefingBot.Health;

/// <summary>
/// Gateway mode: ready while every shard of this instance has a live session (between READY/RESUMED and a drop); the
/// message names the shards that have none. HTTP mode: ready once the host has
/// started, i.e. the interactions endpoint is listening (this check is answered by that same server).
/// </summary>
public sealed class DiscordHealthCheck(IOptions<DiscordOptions> options, GatewayShardManager gateway, IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (options.Value.Mode == DiscordMode.Http)
        {
            return Task.FromResult(lifetime.ApplicationStarted.IsCancellationRequested
                ? HealthCheckResult.Healthy("interactions endpoint listening")
                : HealthCheckResult.Unhealthy("interactions endpoint not started"));
        }

        var shards = gateway.Shards;
        if (gateway.IsReady)
        {
            return Task.FromResult(HealthCheckResult.Healthy(shards.Count == 1 ? "gateway session live" : $"gateway sessions live on {shards.Count} shards"));
        }

        if (gateway.FatalCloseCode is { } code)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"gateway stopped with close code {code}"));
        }

        var down = shards.Where(s => !s.IsReady).Select(s => s.Shard.Id).ToList();
        return Task.FromResult(HealthCheckResult.Unhealthy(shards.Count <= 1
            ? "gateway not connected"
            : $"gateway not connected on shard(s) {string.Join(", ", down)} of {shards.Count}"));
    }
}
