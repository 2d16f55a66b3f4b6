using BriefingBot.Core.Text;

namespace BriefingBot.Core.Tests.Text;

public sealed class StopWordsTests
{
    [Theory]
    [InlineData("the")]
    [InlineData("and")]
    [InlineData("who")]
    [InlineData("when")]
    [InlineData("why")]
    [InlineData("us")]
    [InlineData("will")]
    [InlineData("dont")]
    [InlineData("wouldnt")]
    [InlineData("themselves")]
    public void Contains_StopWord_ReturnsTrue(string word)
    {
        Assert.True(StopWords.Contains(word));
        Assert.True(StopWords.Contains(word.AsSpan()));
    }

    [Theory]
    [InlineData("usa")]
    [InlineData("trump")]
    [InlineData("nuclear")]
    [InlineData("said")]
    [InlineData("The")]
    [InlineData("")]
    public void Contains_ContentWordOrUnfolded_ReturnsFalse(string word)
    {
        Assert.False(StopWords.Contains(word));
    }

    [Fact]
    public void All_EveryEntry_IsAlreadyFolded()
    {
        foreach (var word in StopWords.All)
        {
            var tokens = Tokenizer.Tokenize(word);
            Assert.Single(tokens);
            Assert.Equal(word, tokens[0].Text);
        }
    }
}
