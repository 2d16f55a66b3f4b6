using BriefingBot.Core.Articles;
using BriefingBot.Core.Retrieval;
using BriefingBot.Core.Store;

namespace BriefingBot.Testing;

/// <summary>Small dated articles and snapshots for digest and scheduler tests.</summary>
public static class TestArticles
{
    public static Article Create(string id, DateTimeOffset published, string? title = null, string? body = null) => new()
    {
        Id = id,
        Title = title ?? $"Story {id}",
        Body = body ?? $"Something happened in story {id}. More detail followed later that day.",
        SourceUrl = $"https://news.example/{id}",
        PublishedAt = published,
        SourcePath = id + ".md",
        ContentHash = id,
        WordCount = 12,
    };

    public static ArticleSnapshot Snapshot(DateTimeOffset loadedAt, params Article[] articles) =>
        new(SearchIndex.Build(articles), [], loadedAt, 1);

    public static ArticleStore Store(DateTimeOffset loadedAt, params Article[] articles)
    {
        var store = new ArticleStore();
        store.Publish(Snapshot(loadedAt, articles));
        return store;
    }
}
