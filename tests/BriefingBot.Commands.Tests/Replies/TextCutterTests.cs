using BriefingBot.Commands.Replies;

namespace BriefingBot.Commands.Tests.Replies;

public sealed class TextCutterTests
{
    [Fact]
    public void Cut_TextWithinLimit_IsUnchanged()
    {
        Assert.Equal("Short text.", TextCutter.Cut("Short text.", 100));
    }

    [Fact]
    public void Cut_SeveralSentences_EndsAtASentenceBoundary()
    {
        var text = "First sentence is here. Second sentence is a bit longer than the first. Third one.";

        var cut = TextCutter.Cut(text, 40);

        Assert.Equal("First sentence is here.", cut);
    }

    [Fact]
    public void Cut_OneLongSentence_EndsAtAWordWithAnEllipsis()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 100));

        var cut = TextCutter.Cut(text, 50);

        Assert.True(cut.Length <= 50);
        Assert.EndsWith("word…", cut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(100)]
    [InlineData(2000)]
    public void Cut_AnyLimit_NeverExceedsItAndNeverSplitsAWord(int limit)
    {
        var words = Enumerable.Range(0, 1000).Select(i => "w" + i).ToArray();
        var text = string.Join(' ', words);

        var cut = TextCutter.Cut(text, limit);

        Assert.True(cut.Length <= limit);
        var lastWord = cut.TrimEnd('…').Split(' ')[^1];
        Assert.Contains(lastWord, words);
    }
}
