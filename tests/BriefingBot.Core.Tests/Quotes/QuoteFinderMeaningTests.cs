using BriefingBot.Core.Articles;
using BriefingBot.Core.Quotes;
using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Core.Semantics;
using BriefingBot.Core.Store;
using BriefingBot.Testing;
using BriefingBot.Testing.Semantics;

namespace BriefingBot.Core.Tests.Quotes;

/// <summary>/quote about: by meaning, with keyword directions standing in for the model.</summary>
public sealed class QuoteFinderMeaningTests
{
    private static readonly Article Interview = new ArticleBuilder()
        .WithId("interview")
        .WithTitle("Minister and coach speak at the town hall")
        .WithBody(
            "The town hall was full on Thursday evening.",
            "“Inflation will hurt households this winter,” the minister said.",
            "“The team played with great spirit and deserved the win,” the coach said.",
            "“We will open two new libraries next year,” the mayor said.")
        .Build();

    private static readonly ArticleSnapshot Snapshot = new(SearchIndex.Build([Interview]), [], DateTimeOffset.UnixEpoch, 1);

    private static KeywordEmbedder Embedder() => new(new Dictionary<string, string[]>
    {
        ["economy"] = ["economy", "economic", "inflation", "prices", "wages"],
        ["sport"] = ["team", "match", "football", "win"],
        ["books"] = ["librar", "books", "reading"],
    });

    [Fact]
    public void Find_TopicInOtherWords_MatchesTheQuoteByMeaning()
    {
        var finder = new QuoteFinder(new QuoteExtractor(), new InMemorySentenceEmbeddings(Embedder()));

        var hits = finder.Find(Snapshot, about: "the economy", by: null, max: 5);

        var hit = Assert.Single(hits);
        Assert.Equal("the minister", hit.Quote.Speaker);
        Assert.StartsWith("Inflation will hurt households", hit.Quote.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_TopicWithoutEmbeddings_FindsNothingAsBefore()
    {
        var lexical = new QuoteFinder(new QuoteExtractor());
        var unavailable = new QuoteFinder(new QuoteExtractor(), InMemorySentenceEmbeddings.Unavailable);

        Assert.Empty(lexical.Find(Snapshot, about: "the economy", by: null, max: 5));
        Assert.Empty(unavailable.Find(Snapshot, about: "the economy", by: null, max: 5));
    }

    [Fact]
    public void Find_TopicInTheQuotesOwnWords_StillMatchesWithMeaningOn()
    {
        var finder = new QuoteFinder(new QuoteExtractor(), new InMemorySentenceEmbeddings(Embedder()));

        var hits = finder.Find(Snapshot, about: "new libraries", by: null, max: 5);

        Assert.Equal("the mayor", hits[0].Quote.Speaker);
        Assert.DoesNotContain(hits, h => h.Quote.Speaker == "the coach");
    }

    [Fact]
    public void Find_UnrelatedTopic_MatchesNothingByMeaning()
    {
        var finder = new QuoteFinder(new QuoteExtractor(), new InMemorySentenceEmbeddings(Embedder()));

        Assert.Empty(finder.Find(Snapshot, about: "volcanoes", by: null, max: 5));
    }

    [Fact]
    public void Find_BySpeakerWithMeaning_StillFiltersBySpeaker()
    {
        var finder = new QuoteFinder(new QuoteExtractor(), new InMemorySentenceEmbeddings(Embedder()));

        var hits = finder.Find(Snapshot, about: "the economy", by: "the coach", max: 5);

        Assert.Empty(hits);
    }

    [Fact]
    public void Find_SeedTopicsWithoutEmbeddings_KeepTodaysRanking()
    {
        var seeds = new ArticleSnapshot(SeedCorpus.Index, [], DateTimeOffset.UnixEpoch, 1);
        var lexical = new QuoteFinder(new QuoteExtractor()).Find(seeds, "psychological warfare", null, 10);
        var unavailable = new QuoteFinder(new QuoteExtractor(), InMemorySentenceEmbeddings.Unavailable).Find(seeds, "psychological warfare", null, 10);

        Assert.NotEmpty(lexical);
        Assert.Equal(lexical, unavailable);
    }

    [Fact]
    public void Find_ColdVectors_EmbedsTheLexicalMatchesWithinTheBudget()
    {
        var embedder = Embedder();
        var cold = new InMemorySentenceEmbeddings(embedder, warm: false);
        var finder = new QuoteFinder(new QuoteExtractor(), cold, SemanticOptions.Default with { OnDemandBudget = 1 });

        var hits = finder.Find(Snapshot, about: "inflation", by: null, max: 5);

        Assert.Equal("the minister", Assert.Single(hits).Quote.Speaker);
        Assert.Equal(1, cold.VectorsFor(Snapshot.Index)!.Filled);
        Assert.Equal(1 + 1, embedder.Embedded);
    }
}
