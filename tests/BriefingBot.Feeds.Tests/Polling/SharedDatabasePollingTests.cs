using BriefingBot.Core.Cluster;
using BriefingBot.Testing;
using BriefingBot.Testing.Feeds;

namespace BriefingBot.Feeds.Tests.Polling;

/// <summary>
/// Two instances of the bot over one database and one publisher: each feed is polled once per interval between them,
/// a crashed holder's poll passes on when its lease runs out, and the instance that did not poll picks up the
/// articles the other stored when told of the change.
/// </summary>
public sealed class SharedDatabasePollingTests
{
    private static readonly DateTimeOffset Start = FeedHarness.Start;

    private static TestFeedItem Story(string guid, string title, string sentence) =>
        new(title, Start.AddMinutes(-10))
        {
            Guid = guid,
            Link = $"https://news.example.org/{guid}",
            ContentHtml = $"<p>{sentence}</p><p>More reporting followed on the matter from correspondents.</p>",
        };

    [Fact]
    public async Task TwoInstancesTickingTogether_PollEachFeedOncePerInterval()
    {
        await using var first = await FeedHarness.StartAsync();
        await using var second = first.StartPeer();
        first.Server.Serve("a.xml", FeedDocuments.Rss("A", [Story("a1", "Harbour reopens", "The harbour reopened on Tuesday after the storm.")]));
        first.Server.Serve("b.xml", FeedDocuments.Rss("B", [Story("b1", "Bridge closes", "The bridge closed for repairs on Monday.")]));
        await first.SubscribeAsync("a.xml");
        await first.SubscribeAsync("b.xml");

        for (var round = 0; round < 3; round++)
        {
            var ticks = await Task.WhenAll(first.Poller.PollDueAsync(TestTimeout.Token()), second.Poller.PollDueAsync(TestTimeout.Token()));
            Assert.Equal(2, ticks.Sum(t => t.Count));
            first.Clock.Advance(TimeSpan.FromMinutes(5));
        }

        Assert.Equal(3, first.Server.CountRequests("a.xml"));
        Assert.Equal(3, first.Server.CountRequests("b.xml"));
    }

    [Fact]
    public async Task AHolderThatDiedMidPoll_LosesTheFeedWhenItsLeaseRunsOut()
    {
        await using var first = await FeedHarness.StartAsync(s => s["Sources:PollLease"] = "00:02:00");
        await using var second = first.StartPeer();
        first.Server.Serve("a.xml", FeedDocuments.Rss("A", [Story("a1", "Harbour reopens", "The harbour reopened on Tuesday after the storm.")]));
        var source = await first.SubscribeAsync("a.xml");

        // The first instance takes the lease and dies before polling or giving it back.
        Assert.NotNull(await first.Leases.TryAcquireAsync(source.Id, first.Clock.GetUtcNow(), TimeSpan.FromMinutes(2), TestTimeout.Token()));
        Assert.Empty(await second.Poller.PollDueAsync(TestTimeout.Token()));
        Assert.Equal(0, first.Server.CountRequests("a.xml"));

        first.Clock.Advance(TimeSpan.FromMinutes(2));
        var polled = Assert.Single(await second.Poller.PollDueAsync(TestTimeout.Token()));

        Assert.Equal(1, polled.Added);
        Assert.Equal(1, first.Server.CountRequests("a.xml"));
    }

    [Fact]
    public async Task ArticlesStoredByOneInstance_ReachTheOtherWhenItHearsOfTheChange()
    {
        await using var first = await FeedHarness.StartAsync();
        await using var second = first.StartPeer();
        await second.Reloader.ReloadAsync(TestTimeout.Token()); // its feed articles (none yet) are now in memory
        first.Server.Serve("a.xml", FeedDocuments.Rss("A", [Story("a1", "Lighthouse keeper retires", "The lighthouse keeper retired after forty years of service.")]));
        await first.SubscribeAsync("a.xml");
        await first.TickAsync();
        Assert.Single(first.FeedArticles);
        Assert.Empty(second.FeedArticles);

        await second.ApplyPeerChangeAsync(ContentChange.Feeds);

        Assert.Contains("forty years", Assert.Single(second.FeedArticles).Body, StringComparison.Ordinal);
        Assert.True(second.Ask("How long did the lighthouse keeper serve?").Answered);
    }
}
