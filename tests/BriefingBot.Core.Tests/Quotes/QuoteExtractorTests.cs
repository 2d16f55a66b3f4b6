using BriefingBot.Core.Articles;
using BriefingBot.Core.Quotes;
using BriefingBot.Core.Tests.Text;
using BriefingBot.Core.Text;

namespace BriefingBot.Core.Tests.Quotes;

public sealed class QuoteExtractorTests
{
    private readonly QuoteExtractor _extractor = new();

    private static Article ArticleWith(string body, string id = "test/1") => new()
    {
        Id = id,
        Title = "Test",
        Body = TextNormalizer.Normalize(body),
        SourcePath = "test.txt",
        ContentHash = "0",
        WordCount = body.Split(' ').Length,
    };

    private static Article Seed(string fileName) => ArticleWith(SeedArticles.Read(fileName), fileName);

    [Fact]
    public void Extract_Seed000_FindsEverySpeechQuoteWithItsSpeaker()
    {
        var quotes = _extractor.Extract(Seed("000_7686bac24476dbc3.txt"));

        var expected = new (string Speaker, string TextStart)[]
        {
            ("the defector", "As long as Kim Jong-un remains in power"),
            ("the defector", "You have stopped Kim Jong-un"),
            ("the letter", "The most effective way to resolve"),
            ("the letter", "It can have the same power as a nuclear bomb. It is also an ideal way"),
            ("the defector", "I know and worked with the top players in [Pyongyang]."),
            ("the former official", "I don’t think they want any fingerprints on it,"),
            ("the former official", "If they acknowledge it and there’s a sense"),
        };
        Assert.Equal(expected.Length, quotes.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Speaker, quotes[i].Speaker);
            Assert.StartsWith(expected[i].TextStart, quotes[i].Text, StringComparison.Ordinal);
            Assert.False(quotes[i].IsFragment);
        }
    }

    [Fact]
    public void Extract_Seed000_QuoteTextHasNoQuoteMarksAndSpansMatchBody()
    {
        var article = Seed("000_7686bac24476dbc3.txt");
        foreach (var quote in _extractor.Extract(article, includeFragments: true))
        {
            Assert.Equal(article.Id, quote.ArticleId);
            Assert.Equal(quote.Text, quote.Span.Of(article.Body));
            Assert.DoesNotContain('“', quote.Text);
            Assert.False(quote.Text.EndsWith('”'));
            Assert.True(quote.SentenceSpan.Start <= quote.Span.Start && quote.SentenceSpan.End >= quote.Span.End);
            Assert.Contains(quote.Text, article.Paragraphs[quote.ParagraphIndex], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Extract_Seed000UnbalancedQuote_TakesTextFromParagraphStartAndSentenceWithAttribution()
    {
        var article = Seed("000_7686bac24476dbc3.txt");
        var quote = Assert.Single(_extractor.Extract(article), q => q.Text.StartsWith("I don’t think", StringComparison.Ordinal));

        Assert.Equal("I don’t think they want any fingerprints on it,", quote.Text);
        Assert.Equal("I don’t think they want any fingerprints on it,” the former official said.", quote.SentenceSpan.Of(article.Body));
    }

    [Fact]
    public void Extract_Seed000ScareQuotes_AreFragmentsAndLeftOutByDefault()
    {
        var article = Seed("000_7686bac24476dbc3.txt");

        var all = _extractor.Extract(article, includeFragments: true);
        var fragments = all.Where(q => q.IsFragment).Select(q => q.Text).ToList();

        Assert.Equal(["tricked", "psychological warfare campaign", "all-out sanctions", "preemptive strike", "beautiful letters"], fragments);
        Assert.DoesNotContain(_extractor.Extract(article), q => q.IsFragment);
    }

    [Fact]
    public void Extract_Seed004_AttributesToTheOfficial()
    {
        var quote = Assert.Single(_extractor.Extract(Seed("004_2cd50ea2d18e3eb8.txt")));

        Assert.Equal("He underestimated the President,", quote.Text);
        Assert.Equal("the official", quote.Speaker);
    }

    [Theory]
    [InlineData("“We will win the vote,” said John Smith, who leads the party.", "John Smith")]
    [InlineData("“We will win the vote,” said Mr. Smith.", "Mr. Smith")]
    [InlineData("John Smith said: “We will win the election next year.”", "John Smith")]
    [InlineData("The minister told reporters: “We will win the election next year.”", "The minister")]
    [InlineData("According to the minister, “the plan will cost billions of dollars.”", "the minister")]
    [InlineData("“The plan will cost billions of dollars,” according to the minister.", "the minister")]
    [InlineData("\"We are up for this one,\" said Campbell.", "Campbell")]
    [InlineData("\"It was strong,\" chairman and chief executive Richard Parsons said.", "chairman and chief executive Richard Parsons")]
    [InlineData("“Is it really over now?” the reporter asked.", "the reporter")]
    [InlineData("“It is not over yet,” the former senior official later added.", "the former senior official")]
    [InlineData("“The best way is to talk,” the statement reads.", "the statement")]
    [InlineData("In an interview, the defector said he left because “nobody listened to us at all.”", "the defector")]
    [InlineData("“Yes!” she shouted.", "she")]
    public void Extract_AttributionPattern_FindsSpeaker(string body, string speaker)
    {
        var quote = Assert.Single(_extractor.Extract(ArticleWith(body)));
        Assert.Equal(speaker, quote.Speaker);
    }

    [Theory]
    [InlineData("“We will win the vote, no matter what they say about it.”")]
    [InlineData("The vote was close. “Nobody expected this result at all.” The count went on.")]
    public void Extract_NoAttribution_LeavesSpeakerNull(string body)
    {
        var quote = Assert.Single(_extractor.Extract(ArticleWith(body)));
        Assert.Null(quote.Speaker);
    }

    [Fact]
    public void Extract_PronounSpeaker_ResolvesToPreviousQuotedPerson()
    {
        const string body = "“The vote is close,” said Jane Doe.\n\nThe count went on overnight.\n\n“We will still win it,” she said.";
        var quotes = _extractor.Extract(ArticleWith(body));

        Assert.Equal(["Jane Doe", "Jane Doe"], quotes.Select(q => q.Speaker));
    }

    [Fact]
    public void Extract_PronounSpeakerAfterLaterSubject_ResolvesToMostRecentPerson()
    {
        const string body =
            "“The vote is close,” said Jane Doe.\n\n" +
            "The senior official said that it made sense to wait.\n\n" +
            "“They never learn from history,” he said.";
        var quotes = _extractor.Extract(ArticleWith(body));

        Assert.Equal("The senior official", quotes[1].Speaker);
    }

    [Fact]
    public void Extract_PronounNeverResolvesToADocument()
    {
        const string body = "“Talks are the only way forward,” the letter continues.\n\n“We will not give up on this,” he said.";
        var quotes = _extractor.Extract(ArticleWith(body));

        Assert.Equal(["the letter", "he"], quotes.Select(q => q.Speaker));
    }

    [Fact]
    public void Extract_QuoteOpenAtParagraphEnd_ContinuesIntoNextParagraphSpeaker()
    {
        const string body = "“The first part of a long quotation goes on and on.\n\n“And the second part ends it,” the senator said.";
        var quotes = _extractor.Extract(ArticleWith(body));

        Assert.Equal(2, quotes.Count);
        Assert.Equal("The first part of a long quotation goes on and on.", quotes[0].Text);
        Assert.All(quotes, q => Assert.Equal("the senator", q.Speaker));
    }

    [Fact]
    public void Extract_SecondQuoteInParagraph_SharesAttribution()
    {
        const string body = "“We are ready for the fight,” the coach said. “Nobody should doubt that we will be there.”";
        var quotes = _extractor.Extract(ArticleWith(body));

        Assert.Equal(["the coach", "the coach"], quotes.Select(q => q.Speaker));
    }

    [Fact]
    public void Extract_UnclosedStraightQuoteFollowedByNewOne_SplitsIntoTwoQuotes()
    {
        const string body = "\"It is just more bitter,\" the defender said. \"There's an edge. \"After all that has happened, we will win.\"";
        var quotes = _extractor.Extract(ArticleWith(body));

        Assert.Equal(["It is just more bitter,", "There's an edge.", "After all that has happened, we will win."], quotes.Select(q => q.Text));
        Assert.All(quotes, q => Assert.Equal("the defender", q.Speaker));
    }

    [Theory]
    [InlineData("He called the plan “a disaster” and left the room.", "a disaster")]
    [InlineData("The minister said the state would not help \"in the form of a subsidy\".", "in the form of a subsidy")]
    public void Extract_ScareQuoteOrPartialQuote_IsFragment(string body, string text)
    {
        var article = ArticleWith(body);

        Assert.Empty(_extractor.Extract(article));
        var fragment = Assert.Single(_extractor.Extract(article, includeFragments: true));
        Assert.True(fragment.IsFragment);
        Assert.Equal(text, fragment.Text);
    }

    [Fact]
    public void Extract_NoQuotes_ReturnsEmpty()
    {
        Assert.Empty(_extractor.Extract(ArticleWith("Nothing quoted here. Don't worry about the apostrophes’ use.")));
    }
}
