namespace BriefingBot.Core.Cluster;

/// <summary>
/// Claims that hold across every instance sharing this one's state: of all the instances that claim a key while an
/// earlier claim of it is alive, only the first gets true. Registered only when instances share a database (HTTP
/// mode's replay memory uses it); a single instance keeps such memory in its own process.
/// </summary>
public interface ISharedClaims
{
    /// <summary>True for the first claim of <paramref name="key"/> within <paramref name="keepFor"/>; false for a repeat.</summary>
    Task<bool> TryClaimAsync(string key, TimeSpan keepFor, CancellationToken cancellationToken);
}
