using BriefingBot.Core.Cluster;
using BriefingBot.Core.Store;

namespace BriefingBot.Feeds.Polling;

/// <summary>Another instance stored or removed feed articles: re-read them and republish the snapshot here.</summary>
public sealed class FeedChangeHandler(FeedArticleSet articles, ContentReloader reloader) : IContentChangeHandler
{
    public ContentChange Change => ContentChange.Feeds;

    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        await articles.ReloadFromStoreAsync(cancellationToken);
        await reloader.RefreshExternalAsync(cancellationToken);
    }
}
