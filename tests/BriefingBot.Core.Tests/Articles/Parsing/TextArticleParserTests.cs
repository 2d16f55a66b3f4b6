using BriefingBot.Core.Articles.Cleaning;

namespace BriefingBot.Core.Tests.Articles.Parsing;

public sealed class TextArticleParserTests
{
    [Theory]
    [InlineData("Title\n\nBody.", "Title", "Body.")]
    [InlineData("\n\n  Title with spaces  \r\n\r\nBody one.\r\n\r\n\r\nBody two.\r\n", "Title with spaces", "Body one.\n\nBody two.")]
    [InlineData("Title\nBody right after.", "Title", "Body right after.")]
    [InlineData("Title\n\nPara one\nwrapped here.\n\nPara two.", "Title", "Para one wrapped here.\n\nPara two.")]
    public async Task Parse_PlainText_FirstLineIsTitleRestIsBody(string text, string title, string body)
    {
        var article = Assert.Single((await Loaders.LoadOneAsync("story.txt", text)).Articles);

        Assert.Equal(title, article.Title);
        Assert.Equal(body, article.Body);
        Assert.Equal("story", article.Id);
        Assert.Equal("story.txt", article.SourcePath);
    }

    [Fact]
    public async Task Parse_Article_ComputesHashAndWordCount()
    {
        var article = Assert.Single((await Loaders.LoadOneAsync("s.txt", "Title\n\nHe’s here: 1,750 end-of-year words.")).Articles);

        Assert.Equal(DraftCleaner.Hash("Title", "He’s here: 1,750 end-of-year words."), article.ContentHash);
        Assert.Equal(64, article.ContentHash.Length);
        Assert.Equal(5, article.WordCount);
        Assert.Equal(TimeSpan.FromMinutes(1), article.ReadingTime);
    }
}
