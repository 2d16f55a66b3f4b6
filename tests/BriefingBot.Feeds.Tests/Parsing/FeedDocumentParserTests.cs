using System.Text;
using BriefingBot.Feeds.Parsing;
using BriefingBot.Testing.Feeds;

namespace BriefingBot.Feeds.Tests.Parsing;

public sealed class FeedDocumentParserTests
{
    private static readonly TestFeedItem Item = new("Harbour reopens", new DateTimeOffset(2026, 7, 1, 5, 0, 0, TimeSpan.Zero))
    {
        Guid = "a1",
        Link = "https://news.example.org/a1",
        Summary = "Short <b>summary</b>.",
        ContentHtml = "<p>The harbour reopened on Tuesday.</p>",
        Author = "Jane Reporter",
        Categories = ["World", "Ports"],
    };

    public static TheoryData<string, string> Formats => new()
    {
        { "rss", FeedDocuments.Rss("Harbour Times", [Item]) },
        { "atom", FeedDocuments.Atom("Harbour Times", [Item]) },
        { "json", FeedDocuments.JsonFeed("Harbour Times", [Item]) },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Parse_ReadsEveryFormatIntoOneShape(string format, string document)
    {
        var feed = FeedDocumentParser.Parse(Encoding.UTF8.GetBytes(document));

        Assert.True(feed.Error is null, format + ": " + feed.Error);
        Assert.Equal("Harbour Times", feed.Title);
        var entry = Assert.Single(feed.Items);
        Assert.Equal("https://news.example.org/a1", entry.Link);
        Assert.Equal("Harbour reopens", entry.Title);
        Assert.Equal("Jane Reporter", entry.Author);
        Assert.Equal(Item.Published, entry.Published);
        Assert.Equal(["World", "Ports"], entry.Categories);
        Assert.Contains("reopened on Tuesday", entry.Content, StringComparison.Ordinal);
        Assert.True(entry.IsHtml);
        Assert.NotNull(entry.Id);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("<rss version=\"2.0\"><channel><title>x</title><item></channel>", "not well-formed XML")]
    [InlineData("<!DOCTYPE html><html><body>hi</body></html>", "HTML page")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "not an RSS 2.0 or Atom 1.0 feed")]
    [InlineData("{\"hello\": 1}", "not a JSON Feed")]
    [InlineData("{\"version\": ", "not valid JSON")]
    [InlineData("just text", "neither XML nor JSON")]
    public void Parse_ExplainsWhatIsNotAFeed(string document, string reason)
    {
        var feed = FeedDocumentParser.Parse(Encoding.UTF8.GetBytes(document));

        Assert.Contains(reason, feed.Error, StringComparison.Ordinal);
        Assert.Empty(feed.Items);
    }

    [Fact]
    public void Parse_TakesOddRssDatesAndRefusesEntityExpansion()
    {
        const string document = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY boom "boomboomboomboom">]>
            <rss version="2.0"><channel><title>Odd</title>
            <item><title>One</title><guid>1</guid><pubDate>Wed, 1 Jul 2026 05:00:00 EDT</pubDate><description>Text</description></item>
            <item><title>Two</title><guid>2</guid><pubDate>sometime soon</pubDate><description>Text</description></item>
            </channel></rss>
            """;

        var feed = FeedDocumentParser.Parse(Encoding.UTF8.GetBytes(document));

        Assert.Null(feed.Error);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.Zero), feed.Items[0].Published);
        Assert.Null(feed.Items[1].Published);
    }
}
