using BriefingBot.Feeds.Polling;

namespace BriefingBot.Feeds.Sources;

/// <summary>The source operations moderators have (/sources and its CLI verbs); the seam handler tests mock.</summary>
public interface IFeedSourceManager
{
    Task<IReadOnlyList<FeedSource>> ListAsync(CancellationToken cancellationToken);

    Task<SourceAddResult> AddAsync(string? urlText, string? name, int? pollMinutes, string addedBy, CancellationToken cancellationToken);

    /// <summary>The removed source, or null when there was none with that id.</summary>
    Task<FeedSource?> RemoveAsync(long id, CancellationToken cancellationToken);

    /// <summary>Re-enables and polls now one source (or all when <paramref name="id"/> is null).</summary>
    Task<IReadOnlyList<PollResult>> RefreshAsync(long? id, CancellationToken cancellationToken);
}
