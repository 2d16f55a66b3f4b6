namespace BriefingBot.Commands.Scheduling;

/// <summary>
/// Durable digest subscriptions. Every method returns only after the change is committed, so a reply that says
/// "subscribed" can never be lost by a crash.
/// </summary>
public interface ISubscriptionStore
{
    /// <summary>
    /// Adds the channel's subscription, or updates it (schedule, webhook) if the channel has one: an update re-enables
    /// it, clears its last error and keeps its marker, so the next digest carries on where the last one stopped.
    /// </summary>
    Task<SubscriptionSaveResult> SaveAsync(DigestSubscription subscription, CancellationToken cancellationToken);

    Task<DigestSubscription?> FindAsync(ulong guildId, ulong channelId, CancellationToken cancellationToken);

    /// <summary>A guild's subscriptions, enabled or not.</summary>
    Task<IReadOnlyList<DigestSubscription>> ListAsync(ulong guildId, CancellationToken cancellationToken);

    /// <summary>Every enabled subscription in every guild: what the scheduler works through.</summary>
    Task<IReadOnlyList<DigestSubscription>> ListEnabledAsync(CancellationToken cancellationToken);

    Task<bool> RemoveAsync(ulong guildId, ulong channelId, CancellationToken cancellationToken);
}
