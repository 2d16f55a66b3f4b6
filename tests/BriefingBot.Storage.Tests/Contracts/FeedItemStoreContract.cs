using System.Data.Common;
using BriefingBot.Feeds.Sources;
using BriefingBot.Testing.Postgres;

namespace BriefingBot.Storage.Tests.Contracts;

/// <summary>What every IFeedItemStore must do: upsert by (source, item key) all or nothing, list oldest first.</summary>
public abstract class FeedItemStoreContract : StoreContract
{
    [PostgresFact]
    public async Task SaveAsync_NewItems_EveryFieldSurvivesRestart()
    {
        var source = await AddSourceAsync();
        var full = Item(source, "guid-1", Now) with
        {
            NormalizedUrl = "https://example.org/a",
            Url = "https://example.org/a?utm_source=x",
            Outlet = "Example",
            Author = "A. Writer",
            PublishedAt = Now.AddHours(-2),
            Tags = ["world", "politics"],
            IsBackCatalogue = true,
        };
        var sparse = Item(source, "guid-2", Now.AddMinutes(1));

        await FeedItems.SaveAsync([full, sparse], Ct);
        await Provider.RestartAsync();

        var items = await FeedItems.ListAsync(Ct);
        Assert.Equal(2, items.Count);
        Assert.Equal(full, items[0] with { Tags = full.Tags });
        Assert.Equal(["world", "politics"], items[0].Tags);
        Assert.Equal(sparse, items[1] with { Tags = sparse.Tags });
        Assert.Empty(items[1].Tags);
    }

    [PostgresFact]
    public async Task SaveAsync_SameKeyAgain_ReplacesTheItemButKeepsWhenItWasFirstSeen()
    {
        var source = await AddSourceAsync();
        await FeedItems.SaveAsync([Item(source, "guid-1", Now)], Ct);

        var changed = Item(source, "guid-1", Now.AddHours(1)) with { Title = "Corrected title", ItemHash = "h2", UpdatedAt = Now.AddHours(1) };
        await FeedItems.SaveAsync([changed], Ct);

        var item = Assert.Single(await FeedItems.ListAsync(Ct));
        Assert.Equal("Corrected title", item.Title);
        Assert.Equal("h2", item.ItemHash);
        Assert.Equal(Now, item.FirstSeenAt);
        Assert.Equal(Now.AddHours(1), item.UpdatedAt);
    }

    [PostgresFact]
    public async Task ListAsync_ByFirstSeenThenArticleIdInByteOrder()
    {
        var source = await AddSourceAsync();
        await FeedItems.SaveAsync(
        [
            Item(source, "late", Now.AddMinutes(5)) with { ArticleId = "a" },
            Item(source, "b", Now) with { ArticleId = "b" },
            Item(source, "upper", Now) with { ArticleId = "B" },
            Item(source, "a", Now) with { ArticleId = "a" },
        ], Ct);

        var items = await FeedItems.ListAsync(Ct);

        Assert.Equal(["upper", "a", "b", "late"], items.Select(i => i.ItemKey));
    }

    [PostgresFact]
    public async Task SaveAsync_OneItemOfAnUnknownSource_SavesNoneOfThem()
    {
        var source = await AddSourceAsync();

        await Assert.ThrowsAnyAsync<DbException>(() => FeedItems.SaveAsync([Item(source, "fine", Now), Item(source + 1000, "orphan", Now)], Ct));

        Assert.Empty(await FeedItems.ListAsync(Ct));
    }

    internal static StoredFeedItem Item(long sourceId, string key, DateTimeOffset firstSeen) => new()
    {
        SourceId = sourceId,
        ItemKey = key,
        ItemHash = "h-" + key,
        ArticleId = "feed_" + key,
        Title = "Title " + key,
        Body = "Body of " + key + ".",
        ContentHash = "c-" + key,
        WordCount = 3,
        FirstSeenAt = firstSeen,
        UpdatedAt = firstSeen,
    };

    private async Task<long> AddSourceAsync() =>
        (await FeedSources.AddAsync(new FeedSource { Url = "https://example.org/feed.xml", PollInterval = TimeSpan.FromMinutes(5), AddedAt = Now, AddedBy = "mod" }, Ct)).Id;
}
