using BriefingBot.Testing;
using BriefingBot.Testing.Feeds;

namespace BriefingBot.Feeds.Tests;

/// <summary>The hosted loop itself: it polls what is due, publishes, sleeps on the clock until the next feed is due.</summary>
public sealed class FeedPollingServiceTests
{
    private static TestFeedItem Story(string guid, string sentence, int minutes) =>
        new("Story " + guid, FeedHarness.Start.AddMinutes(minutes))
        {
            Guid = guid,
            Link = $"https://news.example.org/{guid}",
            ContentHtml = $"<p>{sentence}</p><p>Reporters followed the matter closely.</p>",
        };

    [Fact]
    public async Task TheLoopReadsDueFeedsAndPublishesEachNewItemWithinOnePoll()
    {
        await using var h = await FeedHarness.StartAsync();
        h.Server.Serve("feed.xml", FeedDocuments.Rss("Harbour Times", [Story("a1", "The harbour reopened on Tuesday after the storm.", -5)]));
        await h.SubscribeAsync("feed.xml", TimeSpan.FromMinutes(5));
        using var service = h.CreatePollingService();

        await service.StartAsync(TestTimeout.Token());
        await WaitUntilAsync(h, () => h.FeedArticles.Count == 1);
        h.Server.Serve("feed.xml", FeedDocuments.Rss("Harbour Times",
        [
            Story("a2", "The lighthouse keeper retired after forty years of service.", 1),
            Story("a1", "The harbour reopened on Tuesday after the storm.", -5),
        ]));
        for (var step = 0; step < 9; step++)
        {
            // Up to 4:30 the feed is not due: the loop sleeps on the clock and asks nothing.
            h.Clock.Advance(TimeSpan.FromSeconds(30));
            await Task.Delay(50);
            Assert.Equal(1, h.Server.CountRequests("feed.xml"));
        }

        await WaitUntilAsync(h, () => h.FeedArticles.Count == 2, advance: TimeSpan.FromSeconds(30));
        await service.StopAsync(TestTimeout.Token());

        Assert.True(h.Ask("How long did the lighthouse keeper serve?").Answered);
        Assert.True(h.Clock.GetUtcNow() - FeedHarness.Start >= TimeSpan.FromMinutes(5));
    }

    /// <summary>Waits in real time, moving the fake clock a step at a time (so the loop's sleep ends when it is due).</summary>
    private static async Task WaitUntilAsync(FeedHarness h, Func<bool> condition, TimeSpan? advance = null)
    {
        var deadline = DateTime.UtcNow + TestTimeout.Default;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the polling loop did not get there in time");
            if (advance is { } step)
            {
                h.Clock.Advance(step);
            }

            await Task.Delay(100);
        }
    }
}
