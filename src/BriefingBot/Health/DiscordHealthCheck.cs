using BriefingBot.Discord;
using BriefingBot.Discord.Gateway;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace BriefingBot.Health;

/// <summary>
/// Gateway mode: ready while a session is live (between READY/RESUMED and a drop). HTTP mode: ready once the host has
/// started, i.e. the interactions endpoint is listening (this check is answered by that same server).
/// </summary>
public sealed class DiscordHealthCheck(IOptions<DiscordOptions> options, GatewayClient gateway, IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (options.Value.Mode == DiscordMode.Http)
        {
            return Task.FromResult(lifetime.ApplicationStarted.IsCancellationRequested
                ? HealthCheckResult.Healthy("interactions endpoint listening")
                : HealthCheckResult.Unhealthy("interactions endpoint not started"));
        }

        return Task.FromResult(gateway.IsReady
            ? HealthCheckResult.Healthy("gateway session live")
            : HealthCheckResult.Unhealthy(gateway.FatalCloseCode is { } code ? $"gateway stopped with close code {code}" : "gateway not connected"));
    }
}
