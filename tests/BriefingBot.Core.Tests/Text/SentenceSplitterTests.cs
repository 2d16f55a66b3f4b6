using BriefingBot.Core.Text;

namespace BriefingBot.Core.Tests.Text;

public sealed class SentenceSplitterTests
{
    private static string[] SplitText(string text) => [.. SentenceSplitter.Split(text).Select(s => s.Of(text))];

    [Theory]
    [InlineData("One. Two! Three? Four", "One.|Two!|Three?|Four")]
    [InlineData("Mr. Smith met Mrs. Jones. They talked.", "Mr. Smith met Mrs. Jones.|They talked.")]
    [InlineData("Dr. No, Gen. Lee, Sen. Warren, Rep. King and Gov. Brown came. St. Louis too.", "Dr. No, Gen. Lee, Sen. Warren, Rep. King and Gov. Brown came.|St. Louis too.")]
    [InlineData("Apple Inc. said so. Acme Co. and Foo Corp. agreed with Bar Ltd. on it.", "Apple Inc. said so.|Acme Co. and Foo Corp. agreed with Bar Ltd. on it.")]
    [InlineData("He works at Apple Inc. The company is big.", "He works at Apple Inc.|The company is big.")]
    [InlineData("On Jan. 26 and Feb. 3 it rained. It stopped.", "On Jan. 26 and Feb. 3 it rained.|It stopped.")]
    [InlineData("It was No. 1 in the charts. Then it fell.", "It was No. 1 in the charts.|Then it fell.")]
    [InlineData("Fruit, e.g. apples, i.e. food, etc. are fine. Yes.", "Fruit, e.g. apples, i.e. food, etc. are fine.|Yes.")]
    [InlineData("Smith vs. Jones went on. Roe v. Wade was cited.", "Smith vs. Jones went on.|Roe v. Wade was cited.")]
    [InlineData("The U.S. economy grew. The U.K. did not.", "The U.S. economy grew.|The U.K. did not.")]
    [InlineData("U.S. President Donald Trump spoke. He left.", "U.S. President Donald Trump spoke.|He left.")]
    [InlineData("He flew to the U.S. The next day he met the U.N. Security Council.", "He flew to the U.S.|The next day he met the U.N. Security Council.")]
    [InlineData("George W. Bush and J. R. R. Tolkien met. Odd.", "George W. Bush and J. R. R. Tolkien met.|Odd.")]
    [InlineData("Profits rose 3.5 percent to $1.13bn. Sales fell.", "Profits rose 3.5 percent to $1.13bn.|Sales fell.")]
    [InlineData("He paused... then went on. Wait… What?", "He paused... then went on.|Wait…|What?")]
    [InlineData("“It is over.” Then he left.", "“It is over.”|Then he left.")]
    [InlineData("He said \"It is over.\" Then he left.", "He said \"It is over.\"|Then he left.")]
    [InlineData("“Is it over?” he asked. “Yes!” she said.", "“Is it over?” he asked.|“Yes!” she said.")]
    [InlineData("“It is over,” the defector wrote. He left.", "“It is over,” the defector wrote.|He left.")]
    [InlineData("(He agreed.) Then left.", "(He agreed.)|Then left.")]
    [InlineData("Kim Jong-un met Moon Jae-in. Talks began.", "Kim Jong-un met Moon Jae-in.|Talks began.")]
    [InlineData("Visit example.com today. OK.", "Visit example.com today.|OK.")]
    [InlineData("In 2019. 2020 was worse.", "In 2019.|2020 was worse.")]
    [InlineData("the EU. The bloc", "the EU.|The bloc")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData("No terminator at all", "No terminator at all")]
    public void Split_Text_FindsSentences(string text, string expected)
    {
        Assert.Equal(expected, string.Join('|', SplitText(text)));
    }

    [Theory]
    [InlineData("First paragraph without a stop\n\nSecond paragraph", "First paragraph without a stop|Second paragraph")]
    [InlineData("Ends with Mr.\n\nNext paragraph.", "Ends with Mr.|Next paragraph.")]
    [InlineData("Headline In Title Case\nBody text starts here and runs on.", "Headline In Title Case|Body text starts here and runs on.")]
    [InlineData("- first item\n- second item", "- first item|- second item")]
    [InlineData("Blank line with spaces\n   \nNext", "Blank line with spaces|Next")]
    public void Split_LineBreaks_EndSentencesWhenParagraphLike(string text, string expected)
    {
        Assert.Equal(expected, string.Join('|', SplitText(text)));
    }

    [Fact]
    public void Split_HardWrappedWireText_KeepsWrappedSentencesWhole()
    {
        const string text =
            "Showers continued throughout the week in\n" +
            "the Bahia cocoa zone, alleviating the drought since early\n" +
            "January and improving prospects for the coming temporao,\n" +
            "although normal humidity levels have not been restored,\n" +
            "Comissaria Smith said in its weekly review.\n" +
            "    The dry period means the temporao will be late this year.\n" +
            "    Arrivals for the week ended February 22 were 155,221 bags\n" +
            "of 60 kilos making a cumulative total for the season of 5.93\n" +
            "mln against 5.81 at the same stage last year. Again it seems\n" +
            "that cocoa delivered earlier on consignment was included in the\n" +
            "arrivals figures.\n" +
            "    Destinations were the U.S., Covertible currency areas,\n" +
            "Uruguay and open ports.\n" +
            "    Sales were booked for the\n" +
            "U.S.\n" +
            "    Final paragraph without a full stop";

        var sentences = SplitText(text);

        Assert.Equal(7, sentences.Length);
        Assert.StartsWith("Showers continued", sentences[0], StringComparison.Ordinal);
        Assert.EndsWith("weekly review.", sentences[0], StringComparison.Ordinal);
        Assert.Equal("The dry period means the temporao will be late this year.", sentences[1]);
        Assert.EndsWith("same stage last year.", sentences[2], StringComparison.Ordinal);
        Assert.Equal("Again it seems\nthat cocoa delivered earlier on consignment was included in the\narrivals figures.", sentences[3]);
        Assert.Equal("Destinations were the U.S., Covertible currency areas,\nUruguay and open ports.", sentences[4]);
        Assert.Equal("Sales were booked for the\nU.S.", sentences[5]);
        Assert.Equal("Final paragraph without a full stop", sentences[6]);
    }

    [Theory]
    [InlineData("a long line of wrapped wire text that goes on and on for a while\nand continues in lower case.")]
    [InlineData("short\nline in lower case.")]
    [InlineData("Sales were booked for the\nU.S. market.")]
    [InlineData("A sentence that ends with a comma at the line end,\nThen Capital After Comma.")]
    public void Split_SingleLineBreakBeforeContinuation_DoesNotSplit(string text)
    {
        Assert.Single(SentenceSplitter.Split(text));
    }

    [Fact]
    public void Split_UnwrappedTextWithSingleLineBreaks_TreatsEachLongLineAsParagraph()
    {
        var first = "This is a paragraph that was never wrapped, so it runs on well past a hundred characters without a break";
        var text = first + "\nSecond paragraph follows";
        Assert.Equal([first, "Second paragraph follows"], SplitText(text));
    }

    [Fact]
    public void Split_Spans_AreTrimmedOrderedAndInsideText()
    {
        const string text = "  One sentence here.   Another one!  \n\n  Third?  ";
        var spans = SentenceSplitter.Split(text);

        Assert.Equal(["One sentence here.", "Another one!", "Third?"], spans.Select(s => s.Of(text)));
        for (var i = 1; i < spans.Count; i++)
        {
            Assert.True(spans[i].Start >= spans[i - 1].End);
        }
    }

    [Fact]
    public void Split_SeedArticle_SplitsQuotesAbbreviationsAndParagraphs()
    {
        // Normalised first, as the loader does: the raw seed has a no-break space inside a quotation.
        var body = TextNormalizer.Normalize(SeedArticles.Read("000_7686bac24476dbc3.txt"));
        var sentences = SplitText(body);

        Assert.Equal("Report: North Korean defector tells Trump he’s been duped, asks president to stage coup", sentences[0]);
        Assert.Contains(
            "A high-ranking North Korean defector has told President Donald Trump that the country’s leader, Kim Jong-un, has fooled him into believing he will denuclearize, while imploring the U.S. to stage a coup in Pyongyang, the Washington Times reported Thursday.",
            sentences);
        Assert.Contains(sentences, s => s.StartsWith("“As long as Kim Jong-un remains in power", StringComparison.Ordinal) && s.EndsWith("the defector warned.", StringComparison.Ordinal));
        Assert.Contains("“It can have the same power as a nuclear bomb.", sentences);
        Assert.Contains("It is also an ideal way to get North Koreans to solve their own problems by themselves.”", sentences);
        Assert.Contains("I don’t think they want any fingerprints on it,” the former official said.", sentences);
        Assert.Contains(sentences, s => s.StartsWith("A former U.S. official said the defector left", StringComparison.Ordinal));
        Assert.All(sentences, s => Assert.DoesNotContain("\n\n", s, StringComparison.Ordinal));
    }
}
