using BriefingBot.Core.Articles.Cleaning;
using BriefingBot.Core.Articles.Parsing;

namespace BriefingBot.Core.Tests.Articles.Cleaning;

public sealed class ParagraphFormatterTests
{
    [Fact]
    public void Split_ReutersHardWrappedText_JoinsWrapsAndSplitsAtIndents()
    {
        const string text = "Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought since early\nJanuary, Comissaria Smith said in its weekly review.\n    The dry period means the temporao will be late this year.\n    Arrivals for the week ended February 22 were 155,221 bags\nof 60 kilos.";

        var paragraphs = ParagraphFormatter.Split(text, LineBreakStyle.WrappedText);

        Assert.Equal(
            [
                "Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought since early January, Comissaria Smith said in its weekly review.",
                "The dry period means the temporao will be late this year.",
                "Arrivals for the week ended February 22 were 155,221 bags of 60 kilos.",
            ],
            paragraphs);
    }

    [Fact]
    public void Split_WrapEndingWithAbbreviationOnLongLine_StillJoins()
    {
        const string text = "Officials from the U.S. and Japan met in the capital on Friday, said\nthe U.S.\nTreasury in a statement issued late in the day after the close.";

        var paragraphs = ParagraphFormatter.Split(text, LineBreakStyle.WrappedText);

        Assert.Equal(2, paragraphs.Count); // "the U.S." is a short finished line: treated as a paragraph end, words kept
        Assert.Equal(text.Replace('\n', ' ').Split(' '), string.Join(' ', paragraphs).Split(' '));
    }

    [Fact]
    public void Split_BlankLineParagraphsWithLongLines_KeepsThemAsIs()
    {
        var longA = string.Concat(Enumerable.Repeat("Alpha beta gamma. ", 10)).Trim();
        var longB = string.Concat(Enumerable.Repeat("Delta epsilon. ", 10)).Trim();

        var paragraphs = ParagraphFormatter.Split($"{longA}\n\n\n{longB}\n", LineBreakStyle.WrappedText);

        Assert.Equal([longA, longB], paragraphs);
    }

    [Fact]
    public void Split_LongLinesSeparatedBySingleBreaks_MakesEachLineAParagraph()
    {
        var line = string.Concat(Enumerable.Repeat("word ", 30)).Trim();

        var paragraphs = ParagraphFormatter.Split($"{line}\n{line}", LineBreakStyle.WrappedText);

        Assert.Equal([line, line], paragraphs);
    }

    [Fact]
    public void Split_BbcStyleBulletList_MakesEachItemAParagraph()
    {
        const string text = "The move:\n\n- call centre operations are part of their core function \n - they are worried about the risk \n - they fear damage to the brand";

        var paragraphs = ParagraphFormatter.Split(text, LineBreakStyle.WrappedText);

        Assert.Equal(
            ["The move:", "- call centre operations are part of their core function", "- they are worried about the risk", "- they fear damage to the brand"],
            paragraphs);
    }

    [Fact]
    public void Split_LaidOutParagraphs_KeepsSingleBreaks()
    {
        var paragraphs = ParagraphFormatter.Split("Roses are red\nViolets are blue\n\nNext", LineBreakStyle.Paragraphs);

        Assert.Equal(["Roses are red\nViolets are blue", "Next"], paragraphs);
    }

    [Fact]
    public void Split_WireTable_KeepsRowsOnTheirOwnLines()
    {
        const string text = "WEEKLY REPORT\n Net free reserves.............644 vs.....1,337\n Bank borrowings...............680 vs.......425";

        var paragraphs = ParagraphFormatter.Split(text, LineBreakStyle.WrappedText);

        Assert.Equal(["WEEKLY REPORT\nNet free reserves.............644 vs.....1,337\nBank borrowings...............680 vs.......425"], paragraphs);
    }
}
