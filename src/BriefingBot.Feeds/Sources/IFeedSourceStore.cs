namespace BriefingBot.Feeds.Sources;

/// <summary>Durable list of subscribed feeds and their fetch state.</summary>
public interface IFeedSourceStore
{
    Task<IReadOnlyList<FeedSource>> ListAsync(CancellationToken cancellationToken);

    Task<FeedSource?> FindAsync(long id, CancellationToken cancellationToken);

    Task<FeedSource?> FindByUrlAsync(string url, CancellationToken cancellationToken);

    /// <summary>Saves a new source and returns it with its id.</summary>
    Task<FeedSource> AddAsync(FeedSource source, CancellationToken cancellationToken);

    /// <summary>Changes name, interval and tags (settings edited between starts).</summary>
    Task UpdateSettingsAsync(FeedSource source, CancellationToken cancellationToken);

    Task SaveStateAsync(long id, FeedFetchState state, CancellationToken cancellationToken);

    /// <summary>Removes the source and its stored items; false when there was none.</summary>
    Task<bool> RemoveAsync(long id, CancellationToken cancellationToken);
}
