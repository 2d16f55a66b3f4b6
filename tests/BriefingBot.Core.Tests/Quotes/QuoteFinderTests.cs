using BriefingBot.Core.Quotes;
using BriefingBot.Core.Store;
using BriefingBot.Testing;

namespace BriefingBot.Core.Tests.Quotes;

public sealed class QuoteFinderTests
{
    private static readonly ArticleSnapshot Seeds = new(SeedCorpus.Index, [], DateTimeOffset.UnixEpoch, 1);
    private readonly QuoteFinder _finder = new(new QuoteExtractor());

    [Fact]
    public void Find_BySpeaker_ReturnsOnlyThatSpeakersQuotes()
    {
        var hits = _finder.Find(Seeds, about: null, by: "the defector", max: 10);

        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Equal("the defector", h.Quote.Speaker, ignoreCase: true));
        Assert.Contains(hits, h => h.Quote.Text.Contains("permanently impossible", StringComparison.Ordinal));
    }

    [Fact]
    public void Find_ByMisspeltSpeaker_StillMatches()
    {
        var hits = _finder.Find(Seeds, about: null, by: "defecter", max: 10);

        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Contains("defector", h.Quote.Speaker, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Find_ByTopic_RanksQuotesAboutItFirst()
    {
        var hits = _finder.Find(Seeds, about: "psychological warfare", by: null, max: 3);

        Assert.Contains("psychological warfare", hits[0].Quote.Text, StringComparison.Ordinal);
        Assert.Equal("the letter", hits[0].Quote.Speaker, ignoreCase: true);
    }

    [Fact]
    public void Find_TopicNobodyTalksAbout_ReturnsNothing()
    {
        Assert.Empty(_finder.Find(Seeds, about: "football transfer", by: null, max: 5));
    }

    [Fact]
    public void Find_SeedsWithoutUrls_InventNoLinks()
    {
        Assert.All(_finder.Find(Seeds, null, null, 20), h => Assert.Null(h.Link));
    }

    [Fact]
    public void Speakers_TypedPrefix_SuggestsMatchingSpeakers()
    {
        var speakers = _finder.Speakers(Seeds, "offic", 25);

        Assert.Contains(speakers, s => s.Contains("official", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(speakers, s => s.Contains("defector", StringComparison.OrdinalIgnoreCase));
    }
}
