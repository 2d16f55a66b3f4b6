namespace BriefingBot.Feeds.Sources;

/// <summary>Durable feed articles, so a restart neither loses nor refetches them.</summary>
public interface IFeedItemStore
{
    Task<IReadOnlyList<StoredFeedItem>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Inserts or replaces items by (source, item key), in one transaction.</summary>
    Task SaveAsync(IReadOnlyList<StoredFeedItem> items, CancellationToken cancellationToken);
}
