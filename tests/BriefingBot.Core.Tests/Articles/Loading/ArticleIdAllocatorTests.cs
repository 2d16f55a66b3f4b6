using BriefingBot.Core.Articles.Loading;

namespace BriefingBot.Core.Tests.Articles.Loading;

public sealed class ArticleIdAllocatorTests
{
    [Theory]
    [InlineData("000_7686bac24476dbc3", "000_7686bac24476dbc3")]
    [InlineData("bbc-news-2225-business/001", "bbc-news-2225-business-001")]
    [InlineData("Story One (Final)", "story-one-final")]
    [InlineData("Café Zoë", "cafe-zoe")]
    [InlineData("--x--", "x")]
    [InlineData("***", "article")]
    [InlineData("北京", "article")]
    public void Slug_Value_IsLowercaseSlug(string value, string expected)
    {
        Assert.Equal(expected, ArticleIdAllocator.Slug(value));
    }

    [Fact]
    public void Allocate_Collisions_GetNumericSuffixesInOrder()
    {
        var ids = new ArticleIdAllocator();

        Assert.Equal(
            ["a", "a-2", "a-3", "a-2-2", "b"],
            new[] { "a", "A", "a!", "a-2", "b" }.Select(ids.Allocate));
    }
}
