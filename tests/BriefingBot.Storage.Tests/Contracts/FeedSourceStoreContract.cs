using System.Data.Common;
using BriefingBot.Feeds.Sources;
using BriefingBot.Testing.Postgres;

namespace BriefingBot.Storage.Tests.Contracts;

/// <summary>What every IFeedSourceStore must do: keep feeds with their settings and fetch state, one per URL.</summary>
public abstract class FeedSourceStoreContract : StoreContract
{
    [PostgresFact]
    public async Task AddAsync_NewSource_AssignsIdAndSurvivesRestart()
    {
        var added = await FeedSources.AddAsync(Source("https://example.org/world.xml") with
        {
            Tags = ["world", "uk"],
            Origin = FeedSourceOrigin.Settings,
            PollInterval = TimeSpan.FromMinutes(30),
        }, Ct);

        await Provider.RestartAsync();
        var byId = await FeedSources.FindAsync(added.Id, Ct);
        var byUrl = await FeedSources.FindByUrlAsync("https://example.org/world.xml", Ct);

        Assert.True(added.Id > 0);
        Assert.NotNull(byId);
        Assert.Equal(added.Id, byUrl?.Id);
        Assert.Equal(["world", "uk"], byId.Tags);
        Assert.Equal(FeedSourceOrigin.Settings, byId.Origin);
        Assert.Equal(TimeSpan.FromMinutes(30), byId.PollInterval);
        Assert.Equal(Now, byId.AddedAt);
        Assert.Equal("mod", byId.AddedBy);
        Assert.Null(byId.Name);
        Assert.Equal(new FeedFetchState(), byId.State);
    }

    [PostgresFact]
    public async Task AddAsync_SameUrlTwice_IsRefused()
    {
        await FeedSources.AddAsync(Source("https://example.org/a.xml"), Ct);

        await Assert.ThrowsAnyAsync<DbException>(() => FeedSources.AddAsync(Source("https://example.org/a.xml"), Ct));

        Assert.Single(await FeedSources.ListAsync(Ct));
    }

    [PostgresFact]
    public async Task SaveStateAsync_EveryField_RoundTrips()
    {
        var source = await FeedSources.AddAsync(Source("https://example.org/a.xml"), Ct);
        var state = new FeedFetchState
        {
            Title = "Example World",
            ETag = "\"abc\"",
            LastModified = "Wed, 01 Jul 2026 05:00:00 GMT",
            LastPolledAt = Now.AddMinutes(1),
            LastSuccessAt = Now.AddMinutes(2),
            NextPollAt = Now.AddMinutes(3),
            RetryNotBefore = Now.AddMinutes(4),
            ConsecutiveFailures = 2,
            LastError = "503 Service Unavailable",
            LastErrorAt = Now.AddMinutes(5),
            DisabledReason = "gone",
            ItemCount = 17,
        };

        await FeedSources.SaveStateAsync(source.Id, state, Ct);
        await Provider.RestartAsync();

        var found = await FeedSources.FindAsync(source.Id, Ct);
        Assert.Equal(state, found!.State);
        Assert.False(found.Enabled);
    }

    [PostgresFact]
    public async Task UpdateSettingsAsync_NewNameIntervalAndTags_KeepsFetchState()
    {
        var source = await FeedSources.AddAsync(Source("https://example.org/a.xml"), Ct);
        await FeedSources.SaveStateAsync(source.Id, new FeedFetchState { Title = "A", ItemCount = 3 }, Ct);

        await FeedSources.UpdateSettingsAsync(source with { Name = "Renamed", PollInterval = TimeSpan.FromMinutes(90), Tags = ["tech"] }, Ct);

        var found = await FeedSources.FindAsync(source.Id, Ct);
        Assert.Equal("Renamed", found!.Name);
        Assert.Equal(TimeSpan.FromMinutes(90), found.PollInterval);
        Assert.Equal(["tech"], found.Tags);
        Assert.Equal(3, found.State.ItemCount);
        Assert.Equal("A", found.State.Title);
    }

    [PostgresFact]
    public async Task RemoveAsync_Source_RemovesItsItemsToo()
    {
        var kept = await FeedSources.AddAsync(Source("https://example.org/kept.xml"), Ct);
        var removed = await FeedSources.AddAsync(Source("https://example.org/removed.xml"), Ct);
        await FeedItems.SaveAsync([FeedItemStoreContract.Item(kept.Id, "k", Now), FeedItemStoreContract.Item(removed.Id, "r", Now)], Ct);

        Assert.True(await FeedSources.RemoveAsync(removed.Id, Ct));
        Assert.False(await FeedSources.RemoveAsync(removed.Id, Ct));

        Assert.Equal([kept.Id], (await FeedSources.ListAsync(Ct)).Select(s => s.Id));
        Assert.Equal(["k"], (await FeedItems.ListAsync(Ct)).Select(i => i.ItemKey));
    }

    [PostgresFact]
    public async Task ListAsync_SeveralSources_InTheOrderTheyWereAdded()
    {
        var urls = new[] { "https://z.example/feed", "https://a.example/feed", "https://m.example/feed" };
        foreach (var url in urls)
        {
            await FeedSources.AddAsync(Source(url), Ct);
        }

        Assert.Equal(urls, (await FeedSources.ListAsync(Ct)).Select(s => s.Url));
    }

    private FeedSource Source(string url) => new()
    {
        Url = url,
        PollInterval = TimeSpan.FromMinutes(5),
        AddedAt = Now,
        AddedBy = "mod",
    };
}
