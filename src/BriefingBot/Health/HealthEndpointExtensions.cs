using BriefingBot.Core.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using OpenTelemetry.Metrics;

namespace BriefingBot.Health;

/// <summary>
/// Health and metrics for hosts with a web server: <c>/healthz</c> (the process answers), <c>/readyz</c> (content
/// loaded, Discord connected or the endpoint listening, database reachable; 503 otherwise) and <c>/metrics</c>
/// (the BriefingBot meter in Prometheus text format, through OpenTelemetry).
/// </summary>
public static class HealthEndpointExtensions
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddBotHealth(this IServiceCollection services, bool discord)
    {
        var checks = services.AddHealthChecks()
            .AddCheck<ContentHealthCheck>("content", tags: [ReadyTag])
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]);
        if (discord)
        {
            checks.AddCheck<DiscordHealthCheck>("discord", tags: [ReadyTag]);
        }

        // OpenTelemetry rather than prometheus-net: it reads System.Diagnostics.Metrics natively (histogram buckets
        // from the instruments' advice), and the same setup can later push OTLP instead of being scraped.
        services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(BotMetrics.MeterName).AddPrometheusExporter());
        return services;
    }

    public static IEndpointRouteBuilder MapBotHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        endpoints.MapPrometheusScrapingEndpoint("/metrics");
        return endpoints;
    }
}
