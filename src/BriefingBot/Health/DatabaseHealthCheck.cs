using System.Data.Common;
using BriefingBot.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BriefingBot.Health;

/// <summary>Ready when the state database (SQLite file or PostgreSQL server) answers a query: digests and audit records need it.</summary>
public sealed class DatabaseHealthCheck(IStateDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await database.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy("database reachable");
        }
        catch (Exception ex) when (ex is DbException or IOException or UnauthorizedAccessException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("database unreachable: " + ex.Message);
        }
    }
}
