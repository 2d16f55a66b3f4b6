using BriefingBot.Feeds.Polling;
using BriefingBot.Testing;
using BriefingBot.Testing.Feeds;

namespace BriefingBot.Feeds.Tests.Sources;

/// <summary>What /sources does underneath, over the real pipeline: add reads at once, remove drops the articles.</summary>
public sealed class FeedSourceManagerTests
{
    private static readonly TestFeedItem Story = new("Harbour reopens", FeedHarness.Start.AddMinutes(1))
    {
        Guid = "a1",
        Link = "https://news.example.org/a1",
        ContentHtml = "<p>The harbour reopened on Tuesday after the storm.</p><p>Boats queued at dawn.</p>",
    };

    [Fact]
    public async Task Add_ReadsTheFeedAtOnceAndItsItemsAreAnswerable()
    {
        await using var h = await FeedHarness.StartAsync();
        h.Server.Serve("feed.xml", FeedDocuments.Atom("Harbour Times", [Story]));

        var result = await h.Manager.AddAsync(h.Server.Url("feed.xml").AbsoluteUri, "Harbour", 30, "mod", TestTimeout.Token());

        Assert.Null(result.Problem);
        Assert.Equal(1, result.FirstPoll!.Added);
        Assert.Equal(("Harbour", TimeSpan.FromMinutes(30), 1), (result.Source!.DisplayName, result.Source.PollInterval, result.Source.State.ItemCount));
        Assert.True(h.Ask("When did the harbour reopen?").Answered);
    }

    [Theory]
    [InlineData("not a url", "not a web address")]
    [InlineData("file:///etc/passwd", "only http and https")]
    [InlineData("https://user:secret@example.org/feed", "user name or password")]
    public async Task Add_RefusesWhatIsNotAFeedAddress(string url, string problem)
    {
        await using var h = await FeedHarness.StartAsync();

        var result = await h.Manager.AddAsync(url, null, null, "mod", TestTimeout.Token());

        Assert.Contains(problem, result.Problem, StringComparison.Ordinal);
        Assert.Empty(await h.Manager.ListAsync(TestTimeout.Token()));
    }

    [Fact]
    public async Task Add_TheSameFeedTwice_SaysItIsSubscribed()
    {
        await using var h = await FeedHarness.StartAsync();
        h.Server.Serve("feed.xml", FeedDocuments.Rss("Harbour Times", [Story]));
        await h.Manager.AddAsync(h.Server.Url("feed.xml").AbsoluteUri, null, null, "mod", TestTimeout.Token());

        var again = await h.Manager.AddAsync(h.Server.Url("feed.xml").AbsoluteUri, null, null, "mod", TestTimeout.Token());

        Assert.Contains("already subscribed as “Harbour Times”", again.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remove_DropsTheFeedAndItsArticlesFromTheSnapshot()
    {
        await using var h = await FeedHarness.StartAsync();
        h.Server.Serve("feed.xml", FeedDocuments.Rss("Harbour Times", [Story]));
        var added = await h.Manager.AddAsync(h.Server.Url("feed.xml").AbsoluteUri, null, null, "mod", TestTimeout.Token());

        var removed = await h.Manager.RemoveAsync(added.Source!.Id, TestTimeout.Token());

        Assert.Equal(added.Source.Id, removed!.Id);
        Assert.Empty(h.FeedArticles);
        Assert.Empty(await h.Manager.ListAsync(TestTimeout.Token()));
        await h.RestartAsync();
        Assert.Empty(h.FeedArticles);
    }

    [Fact]
    public async Task SettingsFeeds_AreSubscribedOnceAndPolled()
    {
        // One harness publishes; a second bot lists that feed in its settings.
        await using var h = await FeedHarness.StartAsync();
        h.Server.Serve("feed.xml", FeedDocuments.JsonFeed("Harbour Times", [Story]), "application/feed+json");
        await using var configured = await FeedHarness.StartAsync(s =>
        {
            s["Sources:Feeds:0:Url"] = h.Server.Url("feed.xml").AbsoluteUri;
            s["Sources:Feeds:0:Name"] = "Harbour desk";
            s["Sources:Feeds:0:PollMinutes"] = "10";
            s["Sources:Feeds:0:Tags:0"] = "local";
        });

        var results = await configured.Manager.RefreshAsync(null, TestTimeout.Token());
        await configured.RestartAsync();
        var list = await configured.Manager.ListAsync(TestTimeout.Token());

        Assert.Equal(PollOutcome.Updated, Assert.Single(results).Outcome);
        var source = Assert.Single(list);
        Assert.Equal(("Harbour desk", TimeSpan.FromMinutes(10)), (source.DisplayName, source.PollInterval));
        Assert.Contains("local", Assert.Single(configured.FeedArticles).Tags);
    }
}
