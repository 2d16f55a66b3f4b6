using BriefingBot.Core.Articles;

namespace BriefingBot.Core.Store;

/// <summary>
/// Articles that come from somewhere other than the content folder (feeds). Every snapshot the reloader publishes
/// holds the folder's articles plus these, so a /reload never drops them and a feed poll never drops the folder.
/// </summary>
public interface IExternalArticleSource
{
    /// <summary>The source's current articles, with ids that stay the same across restarts.</summary>
    Task<IReadOnlyList<Article>> GetArticlesAsync(CancellationToken cancellationToken);
}
