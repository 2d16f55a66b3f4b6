using BriefingBot.Core.Retrieval.Ranking;

namespace BriefingBot.Core.Tests.Retrieval.Ranking;

public sealed class SentenceEndingTests
{
    [Theory]
    [InlineData("The bridge opened in 1932.")]
    [InlineData("Did it open on time?")]
    [InlineData("\"It will open,\" she said.\"")]
    [InlineData("The Colts won (29–17.)")]
    [InlineData("He finished the course in three years.[citation needed]")]
    [InlineData("He graduated in 1873.:33")]
    [InlineData("Recipients can only decline after the award.\":245")]
    [InlineData("In a 1937 interview, he stated:")]
    public void IsComplete_SentencesAndLeadIns_AreComplete(string text) =>
        Assert.True(SentenceEnding.IsComplete(text));

    [Theory]
    [InlineData("North Entrance of Westminster Abbey")]
    [InlineData("Official Xbox 360 banner used on game covers from 2005-2010")]
    [InlineData("Berliners watching a C-54 land at Tempelhof Airport (1948)")]
    [InlineData("Angiotensin receptor blocker, a medication for treating high blood pressure")]
    [InlineData("## Background")]
    public void IsComplete_CaptionsHeadingsAndListEntries_AreNot(string text) =>
        Assert.False(SentenceEnding.IsComplete(text));
}
