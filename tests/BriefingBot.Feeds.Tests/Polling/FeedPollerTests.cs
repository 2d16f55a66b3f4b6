using BriefingBot.Feeds.Polling;
using BriefingBot.Feeds.Sources;
using BriefingBot.Testing;
using BriefingBot.Testing.Feeds;
using Microsoft.AspNetCore.Http;
using Moq;

namespace BriefingBot.Feeds.Tests.Polling;

/// <summary>The feed pipeline end to end over real loopback sockets, a real SQLite file and a hand-driven clock.</summary>
public sealed class FeedPollerTests
{
    private static readonly DateTimeOffset Start = FeedHarness.Start;

    private static TestFeedItem Story(string guid, string title, string sentence, int minutesAgo = 10) =>
        new(title, Start.AddMinutes(-minutesAgo))
        {
            Guid = guid,
            Link = $"https://news.example.org/{guid}",
            Summary = sentence,
            ContentHtml = $"<p>{sentence}</p><p>More reporting followed on the matter from correspondents.</p>",
            Author = "Jane Reporter",
            Categories = ["World"],
        };

    [Fact]
    public async Task NewItemIsAnswerableWithinOnePoll()
    {
        await using var h = await FeedHarness.StartAsync();
        h.Server.Serve("feed.xml", FeedDocuments.Rss("Harbour Times", [Story("a1", "Harbour reopens", "The harbour reopened on Tuesday after the storm.")]));
        var source = await h.SubscribeAsync("feed.xml", addedAt: Start.AddHours(-1));
        await h.TickAsync();

        h.Server.Serve("feed.xml", FeedDocuments.Rss("Harbour Times",
        [
            Story("a2", "Lighthouse keeper retires", "The lighthouse keeper retired after forty years of service.", minutesAgo: -2),
            Story("a1", "Harbour reopens", "The harbour reopened on Tuesday after the storm."),
        ]));
        h.Clock.Advance(TimeSpan.FromMinutes(5));
        var results = await h.TickAsync();

        Assert.Equal(1, Assert.Single(results).Added);
        var answer = h.Ask("How long did the lighthouse keeper serve?");
        Assert.True(answer.Answered);
        Assert.Contains("forty years", answer.Answers[0].Sentence, StringComparison.Ordinal);
        var article = h.FeedArticles.Single(a => a.Title == "Lighthouse keeper retires");
        Assert.Equal("Harbour Times", article.Outlet);
        Assert.Equal("Jane Reporter", article.Author);
        Assert.Equal("https://news.example.org/a2", article.SourceUrl);
        Assert.Contains("World", article.Tags);
        Assert.False(article.IsBackCatalogue);
        Assert.Contains("BriefingBot", h.Server.Requests.Last().UserAgent, StringComparison.Ordinal);
        Assert.Equal(2, (await h.SourceAsync(source.Id)).State.ItemCount);
    }

    [Fact]
    public async Task NotModifiedCostsNothing()
    {
        await using var h = await FeedHarness.StartAsync();
        h.Server.Serve("feed.xml", FeedDocuments.Rss("Harbour Times", [Story("a1", "Harbour reopens", "The harbour reopened on Tuesday after the storm.")]));
        await h.SubscribeAsync("feed.xml");
        await h.TickAsync();
        var version = h.Store.Current.Version;

        h.Clock.Advance(TimeSpan.FromMinutes(5));
        var result = Assert.Single(await h.TickAsync());

        Assert.True(PollOutcome.NotModified == result.Outcome, result.Error);
        Assert.NotEmpty(h.Server.Requests.Last().IfNoneMatch);
        Assert.Equal(version, h.Store.Current.Version);
        Assert.Equal(Start.AddMinutes(10), result.NextPollAt);
    }

    [Fact]
    public async Task AnItemEditedInPlaceUpdatesItsArticle()
    {
        await using var h = await FeedHarness.StartAsync();
        h.Server.Serve("feed.xml", FeedDocuments.Rss("Harbour Times", [Story("a1", "Harbour reopens", "The harbour reopened on Tuesday after the storm.")]));
        await h.SubscribeAsync("feed.xml");
        await h.TickAsync();
        var before = Assert.Single(h.FeedArticles);

        h.Server.Serve("feed.xml", FeedDocuments.Rss("Harbour Times", [Story("a1", "Harbour reopens", "The harbour reopened on Wednesday after the storm.")]));
        h.Clock.Advance(TimeSpan.FromMinutes(5));
        var result = Assert.Single(await h.TickAsync());

        Assert.Equal((0, 1), (result.Added, result.Changed));
        var after = Assert.Single(h.FeedArticles);
        Assert.Equal(before.Id, after.Id);
        Assert.Contains("Wednesday", after.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARepeatedGuidAndARepostedUrlStaySingle()
    {
        await using var h = await FeedHarness.StartAsync();
        var story = Story("a1", "Harbour reopens", "The harbour reopened on Tuesday after the storm.");
        h.Server.Serve("feed.xml", FeedDocuments.Rss("Harbour Times",
        [
            story,
            story with { Title = "Harbour reopens (again)" },
            story with { Guid = "a1-repost", Link = "https://NEWS.example.org/a1/?utm_source=rss&utm_medium=feed#top", Title = "Harbour reopens!" },
        ]));
        h.Server.Serve("other.json", FeedDocuments.JsonFeed("Coast Weekly", [story with { Guid = "coast-9" }]), "application/feed+json");
        await h.SubscribeAsync("feed.xml");
        await h.SubscribeAsync("other.json");

        var results = await h.TickAsync();

        Assert.True(results.All(r => r.Error is null), string.Join("; ", results.Select(r => r.Error)));
        Assert.Single(h.FeedArticles);
        Assert.Equal(1, results.Sum(r => r.Added));
        Assert.Equal(3, results.Sum(r => r.Duplicates));
    }

    public static TheoryData<string, string> BrokenFeeds => new()
    {
        { "malformed", "not well-formed XML" },
        { "html", "HTML page, not a feed" },
        { "huge", "over the 5 MB limit" },
        { "silent", "did not answer within" },
    };

    [Theory]
    [MemberData(nameof(BrokenFeeds))]
    public async Task ABrokenFeedFailsOnlyItselfWithAClearReason(string kind, string reason)
    {
        // A generous timeout: the silent server costs it once, and a loaded machine must not fail the good feed.
        await using var h = await FeedHarness.StartAsync();
        h.Server.Serve("good.xml", FeedDocuments.Rss("Harbour Times", [Story("a1", "Harbour reopens", "The harbour reopened on Tuesday after the storm.")]));
        switch (kind)
        {
            case "malformed":
                h.Server.Serve("bad", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Broken</title><item><title>Oops</channel></rss>");
                break;
            case "html":
                h.Server.Serve("bad", "<!doctype html><html><head><title>Home</title></head><body><p>Welcome</p></body></html>", "text/xml");
                break;
            case "huge":
                h.Server.Map("bad", async context =>
                {
                    // 50 MB, streamed without a length, so only the cap can stop it.
                    context.Response.ContentType = "application/rss+xml";
                    var chunk = new byte[1024 * 1024];
                    Array.Fill(chunk, (byte)' ');
                    for (var i = 0; i < 50 && !context.RequestAborted.IsCancellationRequested; i++)
                    {
                        await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                    }
                });
                break;
            default:
                h.Server.Map("bad", async context => await Task.Delay(Timeout.Infinite, context.RequestAborted));
                break;
        }

        var good = await h.SubscribeAsync("good.xml");
        var bad = await h.SubscribeAsync("bad");

        var results = await h.TickAsync();

        Assert.Equal(1, results.Single(r => r.SourceId == good.Id).Added);
        var failed = results.Single(r => r.SourceId == bad.Id);
        Assert.Equal(PollOutcome.Failed, failed.Outcome);
        Assert.Contains(reason, failed.Error, StringComparison.Ordinal);
        Assert.Contains(reason, (await h.SourceAsync(bad.Id)).State.LastError, StringComparison.Ordinal);
        Assert.True(h.Ask("When did the harbour reopen?").Answered);
    }

    [Fact]
    public async Task ARedirectToAPrivateAddressIsRefused()
    {
        await using var h = await FeedHarness.StartAsync();
        h.Server.Map("moved", context =>
        {
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = "http://169.254.169.254/latest/meta-data/";
            return Task.CompletedTask;
        });
        var source = await h.SubscribeAsync("moved");

        var result = Assert.Single(await h.TickAsync());

        Assert.Equal(PollOutcome.Failed, result.Outcome);
        Assert.Contains("169.254.169.254", result.Error, StringComparison.Ordinal);
        Assert.Contains("refused", result.Error, StringComparison.Ordinal);
        Assert.Equal(1, h.Server.CountRequests("moved"));
        Assert.Equal(result.Error, (await h.SourceAsync(source.Id)).State.LastError);
    }

    [Fact]
    public async Task LoopbackIsRefusedUnlessAllowListed()
    {
        await using var h = await FeedHarness.StartAsync(s => s.Remove("Sources:AllowPrivateAddresses:0"));
        h.Server.Serve("feed.xml", FeedDocuments.Rss("Harbour Times", [Story("a1", "Harbour reopens", "The harbour reopened on Tuesday after the storm.")]));
        await h.SubscribeAsync("feed.xml");

        var result = Assert.Single(await h.TickAsync());

        Assert.Contains("refused", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, h.Server.CountRequests("feed.xml"));
    }

    [Fact]
    public async Task TooManyRequestsWithRetryAfterIsRespected()
    {
        await using var h = await FeedHarness.StartAsync();
        h.Server.Map("busy.xml", context =>
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = "1200";
            return Task.CompletedTask;
        });
        var source = await h.SubscribeAsync("busy.xml");
        var first = Assert.Single(await h.TickAsync());
        Assert.Contains("429", first.Error, StringComparison.Ordinal);

        h.Server.Serve("busy.xml", FeedDocuments.Rss("Harbour Times", [Story("a1", "Harbour reopens", "The harbour reopened on Tuesday after the storm.")]));
        h.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Empty(await h.TickAsync());
        var refresh = Assert.Single(await h.Manager.RefreshAsync(source.Id, TestTimeout.Token()));
        Assert.Equal(PollOutcome.Deferred, refresh.Outcome);
        Assert.Equal(1, h.Server.CountRequests("busy.xml"));

        h.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var later = Assert.Single(await h.TickAsync());

        Assert.Equal(1, later.Added);
        Assert.Equal(2, h.Server.CountRequests("busy.xml"));
    }

    [Fact]
    public async Task ServiceUnavailableWithAnHttpDateRetryAfterIsRespected()
    {
        await using var h = await FeedHarness.StartAsync();
        h.Server.Map("maintenance.xml", context =>
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            // The HTTP client reads the date against the real clock (the harness fakes only the poller's), so the
            // date is 20 minutes from now in real time; the poller then holds the feed for 20 minutes of its own.
            context.Response.Headers.RetryAfter = (DateTimeOffset.UtcNow + TimeSpan.FromMinutes(20)).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
        await h.SubscribeAsync("maintenance.xml", poll: TimeSpan.FromMinutes(5));
        var first = Assert.Single(await h.TickAsync());
        Assert.Contains("it asked us to wait", first.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("wait 0 s", first.Error, StringComparison.Ordinal);

        h.Server.Serve("maintenance.xml", FeedDocuments.Rss("Harbour Times", [Story("m1", "Harbour reopens", "The harbour reopened on Tuesday after the storm.")]));
        h.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Empty(await h.TickAsync());
        Assert.Equal(1, h.Server.CountRequests("maintenance.xml"));

        h.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, Assert.Single(await h.TickAsync()).Added);
        Assert.Equal(2, h.Server.CountRequests("maintenance.xml"));
    }

    [Fact]
    public async Task AFailingFeedBacksOffIsDisabledAndRefreshReenablesIt()
    {
        await using var h = await FeedHarness.StartAsync(s => s["Sources:DisableAfterFailures"] = "3");
        h.Server.Map("down.xml", context =>
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return Task.CompletedTask;
        });
        var source = await h.SubscribeAsync("down.xml");

        var waits = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            var result = Assert.Single(await h.TickAsync());
            waits.Add(result.NextPollAt!.Value - h.Clock.GetUtcNow());
            h.Clock.SetUtcNow(result.NextPollAt!.Value);
        }

        Assert.Equal([TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20)], waits);
        var disabled = await h.SourceAsync(source.Id);
        Assert.False(disabled.Enabled);
        Assert.Contains("3 failed polls in a row", disabled.State.DisabledReason, StringComparison.Ordinal);
        Assert.Contains("HTTP 500", disabled.State.DisabledReason, StringComparison.Ordinal);
        h.Audit.Verify(a => a.FeedDisabledAsync(It.Is<FeedSource>(s => s.Id == source.Id), It.Is<string>(r => r.Contains("HTTP 500")), It.IsAny<CancellationToken>()), Times.Once);
        h.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Empty(await h.TickAsync());

        h.Server.Serve("down.xml", FeedDocuments.Rss("Harbour Times", [Story("a1", "Harbour reopens", "The harbour reopened on Tuesday after the storm.")]));
        var refreshed = Assert.Single(await h.Manager.RefreshAsync(source.Id, TestTimeout.Token()));

        Assert.Equal(1, refreshed.Added);
        Assert.True((await h.SourceAsync(source.Id)).Enabled);
        Assert.True(h.Ask("When did the harbour reopen?").Answered);
    }

    [Fact]
    public async Task EverythingSurvivesARestartWithoutRefetching()
    {
        await using var h = await FeedHarness.StartAsync();
        h.Server.Serve("feed.xml", FeedDocuments.Rss("Harbour Times", [Story("a1", "Harbour reopens", "The harbour reopened on Tuesday after the storm.")]));
        var source = await h.SubscribeAsync("feed.xml");
        await h.TickAsync();
        var before = Assert.Single(h.FeedArticles);

        await h.RestartAsync();
        var results = await h.TickAsync();

        var after = Assert.Single(h.FeedArticles);
        Assert.Equal((before.Id, before.Title, before.Body, before.SourceUrl, before.Outlet, before.Author, before.PublishedAt, before.ContentHash, before.IsBackCatalogue),
            (after.Id, after.Title, after.Body, after.SourceUrl, after.Outlet, after.Author, after.PublishedAt, after.ContentHash, after.IsBackCatalogue));
        Assert.Equal(before.Tags, after.Tags);
        Assert.Empty(results);
        Assert.Equal(1, h.Server.CountRequests("feed.xml"));
        Assert.True(h.Ask("When did the harbour reopen?").Answered);
        h.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(PollOutcome.NotModified, Assert.Single(await h.TickAsync()).Outcome);
        Assert.Equal("Harbour Times", (await h.SourceAsync(source.Id)).State.Title);
    }

    [Fact]
    public async Task ANewFeedsBackCatalogueIsNotNews()
    {
        await using var h = await FeedHarness.StartAsync();
        h.Server.Serve("feed.xml", FeedDocuments.Rss("Harbour Times",
        [
            Story("old", "Harbour storm warning", "Forecasters warned of a storm over the harbour.", minutesAgo: 600),
            Story("new", "Harbour reopens", "The harbour reopened on Tuesday after the storm.", minutesAgo: -1),
        ]));
        await h.SubscribeAsync("feed.xml", addedAt: Start);

        await h.TickAsync();

        Assert.True(h.FeedArticles.Single(a => a.Title == "Harbour storm warning").IsBackCatalogue);
        Assert.False(h.FeedArticles.Single(a => a.Title == "Harbour reopens").IsBackCatalogue);
    }

    [Fact]
    public async Task ASummaryOnlyItemTakesItsTextFromThePage()
    {
        await using var h = await FeedHarness.StartAsync(s => s["Sources:FetchPageBelowWords"] = "40");
        var page = h.Server.Url("stories/ferry");
        h.Server.Serve("stories/ferry", FeedDocuments.Page(
            "Ferry service returns",
            "https://news.example.org/ferry-service-returns",
            "Sam Writer",
            "The island ferry service returned on Monday with two new boats.",
            "Passengers queued from dawn to board the first crossing, officials said.",
            "The operator said timetables would expand in the summer months as demand grows."), "text/html");
        h.Server.Serve("feed.xml", FeedDocuments.Rss("Harbour Times",
        [
            new TestFeedItem("Ferry service returns", Start.AddMinutes(1)) { Guid = "f1", Link = page.AbsoluteUri, Summary = "Ferries are back." },
        ]));
        await h.SubscribeAsync("feed.xml");

        await h.TickAsync();

        var article = Assert.Single(h.FeedArticles);
        Assert.Contains("two new boats", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("All rights reserved", article.Body, StringComparison.Ordinal);
        Assert.Equal("https://news.example.org/ferry-service-returns", article.SourceUrl);
        Assert.True(h.Ask("How many new boats does the ferry service have?").Answered);
    }
}
