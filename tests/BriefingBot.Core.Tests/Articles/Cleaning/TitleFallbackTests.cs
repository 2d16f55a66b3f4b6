using BriefingBot.Core.Articles.Cleaning;

namespace BriefingBot.Core.Tests.Articles.Cleaning;

public sealed class TitleFallbackTests
{
    [Theory]
    [InlineData("Short body without a stop", "Short body without a stop")]
    [InlineData("Mr. Kim met U.S. envoys on Friday. Talks went on.", "Mr. Kim met U.S. envoys on Friday.")]
    [InlineData("First line here\nSecond line.", "First line here")]
    [InlineData("Is it over? Yes.", "Is it over?")]
    public void FromBody_Body_ReturnsFirstSentence(string body, string expected)
    {
        Assert.Equal(expected, TitleFallback.FromBody(body));
    }

    [Fact]
    public void FromBody_VeryLongSentence_IsCutAtAWordWithEllipsis()
    {
        var body = string.Join(' ', Enumerable.Repeat("word", 60));

        var title = TitleFallback.FromBody(body);

        Assert.True(title.Length <= TitleFallback.MaxLength + 1);
        Assert.EndsWith("word…", title, StringComparison.Ordinal);
    }
}
