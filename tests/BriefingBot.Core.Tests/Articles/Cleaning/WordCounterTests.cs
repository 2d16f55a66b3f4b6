using BriefingBot.Core.Articles.Cleaning;

namespace BriefingBot.Core.Tests.Articles.Cleaning;

public sealed class WordCounterTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("  ...  ", 0)]
    [InlineData("one two  three", 3)]
    [InlineData("He’s don't end-of-year", 3)]
    [InlineData("1,750.5 dlrs, 5.93 mln", 4)]
    [InlineData("“Quoted,” she said - again.", 4)]
    [InlineData("Zoë naïve 北京", 3)]
    public void Count_Text_CountsLetterAndDigitRuns(string text, int expected)
    {
        Assert.Equal(expected, WordCounter.Count(text));
    }
}
