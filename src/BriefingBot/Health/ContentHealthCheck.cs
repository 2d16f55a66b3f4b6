using BriefingBot.Core.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BriefingBot.Health;

/// <summary>Ready once a load has published articles: before that every question would get "no articles".</summary>
public sealed class ContentHealthCheck(IArticleStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = store.Current;
        return Task.FromResult(snapshot.Articles.Count > 0
            ? HealthCheckResult.Healthy($"{snapshot.Articles.Count} articles loaded")
            : HealthCheckResult.Unhealthy("no articles loaded yet"));
    }
}
