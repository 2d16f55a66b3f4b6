using BriefingBot.Core.Articles;
using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Core.Store;
using BriefingBot.Testing;
using Moq;

namespace BriefingBot.Commands.Tests.Handlers;

/// <summary>A small corpus written for handler tests, served through a mocked store.</summary>
internal static class TestCorpus
{
    public static readonly Article Harbour = new ArticleBuilder()
        .WithId("harbour")
        .WithTitle("New harbour bridge opens after four years of work")
        .WithUrl("https://news.example/harbour-bridge")
        .WithOutlet("Example News")
        .PublishedAt(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero))
        .WithBody(
            "The new harbour bridge opened to traffic on Friday after four years of construction.",
            "The bridge cost 420 million dollars and carries six lanes of traffic. Engineers said the steel came from three countries.",
            "Mayor Ellen Park cut the ribbon at dawn. She said the bridge would halve commuting times for thousands of residents.")
        .Build();

    public static readonly Article Orchard = new ArticleBuilder()
        .WithId("orchard")
        .WithTitle("Late frost ruins apple orchards in the valley")
        .PublishedAt(new DateTimeOffset(2026, 11, 19, 8, 0, 0, TimeSpan.Zero))
        .WithBody(
            "A late frost destroyed most of the apple blossom in the valley last week.",
            "Farmers expect the harvest to fall by half. Growers asked the government for emergency support.")
        .Build();

    public static IArticleStore Store(params Article[] articles)
    {
        var snapshot = new ArticleSnapshot(SearchIndex.Build(articles.Length == 0 ? [Harbour, Orchard] : articles), [], DateTimeOffset.UnixEpoch, 1);
        var store = new Mock<IArticleStore>();
        store.SetupGet(s => s.Current).Returns(snapshot);
        return store.Object;
    }

    public static IArticleStore EmptyStore()
    {
        var store = new Mock<IArticleStore>();
        store.SetupGet(s => s.Current).Returns(ArticleSnapshot.Empty);
        return store.Object;
    }
}
