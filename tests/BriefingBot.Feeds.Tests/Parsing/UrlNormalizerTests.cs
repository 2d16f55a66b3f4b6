using BriefingBot.Feeds.Parsing;

namespace BriefingBot.Feeds.Tests.Parsing;

public sealed class UrlNormalizerTests
{
    [Theory]
    [InlineData("https://News.Example.org/a/b/#comments", "https://news.example.org/a/b")]
    [InlineData("https://news.example.org/a?utm_source=rss&id=7&UTM_Medium=x", "https://news.example.org/a?id=7")]
    [InlineData("http://news.example.org:80/a", "http://news.example.org/a")]
    [InlineData("https://news.example.org:8443/a", "https://news.example.org:8443/a")]
    [InlineData("https://news.example.org/", "https://news.example.org/")]
    [InlineData("mailto:desk@example.org", null)]
    [InlineData("", null)]
    public void Normalize_GivesOneSpellingPerStory(string url, string? expected) =>
        Assert.Equal(expected, UrlNormalizer.Normalize(url));

    [Fact]
    public void Normalize_ResolvesRelativeLinksAgainstTheFeed() =>
        Assert.Equal("https://news.example.org/world/ferry", UrlNormalizer.Normalize("/world/ferry", new Uri("https://news.example.org/feed.xml")));
}
