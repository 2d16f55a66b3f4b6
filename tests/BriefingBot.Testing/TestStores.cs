using BriefingBot.Core.Articles;
using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Core.Store;

namespace BriefingBot.Testing;

/// <summary>Snapshots and stores over a handful of articles (made with <see cref="ArticleBuilder"/>).</summary>
public static class TestStores
{
    public static ArticleSnapshot Snapshot(DateTimeOffset loadedAt, params Article[] articles) =>
        new(SearchIndex.Build(articles), [], loadedAt, 1);

    public static ArticleStore Store(DateTimeOffset loadedAt, params Article[] articles)
    {
        var store = new ArticleStore();
        store.Publish(Snapshot(loadedAt, articles));
        return store;
    }
}
