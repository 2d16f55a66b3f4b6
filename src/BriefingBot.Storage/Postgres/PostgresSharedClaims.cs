using BriefingBot.Core.Cluster;
using Npgsql;

namespace BriefingBot.Storage.Postgres;

/// <summary>
/// <see cref="ISharedClaims"/> in PostgreSQL: one upsert that succeeds for a new key or an expired one, so of several
/// instances claiming a key at once exactly one gets it back. Expired claims are swept now and then by the claimer.
/// </summary>
public sealed class PostgresSharedClaims(PostgresDatabase database, TimeProvider timeProvider) : ISharedClaims
{
    private const int SweepEvery = 1024;
    private int _claims;

    public async Task<bool> TryClaimAsync(string key, TimeSpan keepFor, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        if (Interlocked.Increment(ref _claims) % SweepEvery == 0)
        {
            await using var sweep = new NpgsqlCommand("DELETE FROM shared_claims WHERE expires_at < @now;", connection);
            sweep.Parameters.AddWithValue("now", now.ToUniversalTime());
            await sweep.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var claim = new NpgsqlCommand("""
            INSERT INTO shared_claims (claim_key, expires_at) VALUES (@key, @until)
            ON CONFLICT (claim_key) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE shared_claims.expires_at < @now
            RETURNING claim_key;
            """, connection);
        claim.Parameters.AddWithValue("key", key);
        claim.Parameters.AddWithValue("until", (now + keepFor).ToUniversalTime());
        claim.Parameters.AddWithValue("now", now.ToUniversalTime());
        return await claim.ExecuteScalarAsync(cancellationToken) is not null;
    }
}
