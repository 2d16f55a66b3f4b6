using BriefingBot.Core.Text;

namespace BriefingBot.Core.Tests.Text;

/// <summary>The lexicon's subsets are deliberately different; these pin how, so a "tidy-up" merge shows up here.</summary>
public sealed class NewsLexiconTests
{
    [Fact]
    public void AttributionTitles_AreTheSplitterTitlesAndSuffixesTheyWereTunedWith()
    {
        foreach (var title in NewsLexicon.AttributionTitles)
        {
            Assert.True(
                NewsLexicon.Titles.Contains(title) || NewsLexicon.Abbreviations.Contains(title),
                $"{title} is neither a title nor an abbreviation of the sentence splitter");
        }

        Assert.True(NewsLexicon.AttributionTitles.Count < NewsLexicon.Titles.Count);
    }

    [Theory]
    [InlineData("Mr", true)]
    [InlineData("MR", false)]
    [InlineData("Capt", false)]
    public void AttributionTitles_AreCaseSensitive_AndNarrowerThanTitles(string word, bool isAttributionTitle)
    {
        Assert.Equal(isAttributionTitle, NewsLexicon.AttributionTitleLookup.Contains(word.AsSpan()));
        Assert.Contains(word, (IReadOnlySet<string>)NewsLexicon.Titles);
    }

    [Fact]
    public void SpeechVerbs_IgnoreCase()
    {
        Assert.Contains("Said", (IReadOnlySet<string>)NewsLexicon.SpeechVerbs);
        Assert.Contains("tweeted", (IReadOnlySet<string>)NewsLexicon.SpeechVerbs);
    }
}
