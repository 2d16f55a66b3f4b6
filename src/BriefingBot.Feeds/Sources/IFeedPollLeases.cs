namespace BriefingBot.Feeds.Sources;

/// <summary>
/// Claims a feed's due poll for this instance, so instances sharing one database poll each feed once per interval.
/// A lease expires on its own: the poll of an instance that crashed while holding one passes to another.
/// </summary>
public interface IFeedPollLeases
{
    /// <summary>
    /// Leases the source until <paramref name="now"/> + <paramref name="duration"/> when it is still enabled and due
    /// at <paramref name="now"/> and no other instance holds a live lease on it. Returns the source as stored now (another
    /// instance may have just polled it), or null when it is not this instance's to poll.
    /// </summary>
    Task<FeedSource?> TryAcquireAsync(long sourceId, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Gives the lease back early (after the poll saved its state); a lease another instance took over is left alone.</summary>
    Task ReleaseAsync(long sourceId, CancellationToken cancellationToken);
}
