using BriefingBot.Core.Articles;
using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Core.Summaries;
using BriefingBot.Testing;

namespace BriefingBot.Core.Tests.Summaries;

public sealed class SummarizerTests
{
    // A DailyMail-style lead: sentence 2 is a photo caption restating sentence 1.
    private static readonly string[] Repeating =
    [
        "Gary Locke will be confirmed as Kilmarnock's permanent manager on Friday after eight weeks in temporary charge.",
        "Kilmarnock will confirm Gary Locke as their permanent manager on Friday after his eight weeks in charge.",
        "The former Hearts boss is expected to be given a three-year deal by the Rugby Park club.",
        "Chairman Jim Mann was impressed by an unbeaten run of six games since February.",
        "Locke paid tribute to the players who had helped him win the job.",
        "He said he had enjoyed a taste of management at Hearts.",
        "Kilmarnock face Celtic at home next week in the league.",
        "Tickets for that game go on sale on Monday morning.",
    ];

    [Fact]
    public void Summarize_NearDuplicateInTheLead_IsNotPickedTwice()
    {
        var (index, article) = Single(Repeating);

        var summary = new Summarizer().Summarize(index, article, SummaryLength.Short);

        Assert.Equal([Repeating[0], Repeating[2], Repeating[3]], summary.Sentences);
    }

    [Fact]
    public void Summarize_DuplicateCheckOff_TakesTheRepeat()
    {
        // The same article with the check disabled: shows the test above depends on it, not on position alone.
        var (index, article) = Single(Repeating);

        var summary = new Summarizer(new SummaryOptions { DuplicateShare = 1.01 }).Summarize(index, article, SummaryLength.Short);

        Assert.Equal([Repeating[0], Repeating[1], Repeating[2]], summary.Sentences);
    }

    [Fact]
    public void Summarize_CentralSentenceAfterTheLead_DoesNotDisplaceTheLead()
    {
        string[] sentences =
        [
            "The city council approved a new harbour budget on Tuesday evening.",
            "The mayor said the harbour budget would pay for ferry repairs.",
            "The vote was nine to four after a long debate.",
            "Council members asked the mayor for detail on the ferry repairs.",
            "The harbour ferry has needed repairs since the winter storms.",
            "Council budget covers harbour ferry repairs, the mayor confirmed.",
            "Work on the harbour is expected to start in spring.",
            "Residents can comment on the council budget until the end of the month.",
        ];
        var (index, article) = Single(sentences);

        var lead = new Summarizer().Summarize(index, article, SummaryLength.Short);
        var noLead = new Summarizer(new SummaryOptions { TailFactor = 1 }).Summarize(index, article, SummaryLength.Short);

        Assert.DoesNotContain(sentences[5], lead.Sentences);
        Assert.Contains(sentences[5], noLead.Sentences);
    }

    [Fact]
    public void Summarize_Long_TakesSentencesFromAfterTheLeadInArticleOrder()
    {
        string[] sentences =
        [
            "Storms closed three schools in the north on Monday.",
            "Rail services were cut between the capital and the coast.",
            "Forecasters expect the wind to ease by Thursday.",
            "Power lines fell across two villages near the river.",
            "Emergency crews worked overnight to clear blocked roads.",
            "A lorry overturned on the motorway bridge at dawn.",
            "Farmers reported flooded fields and stranded livestock.",
            "Insurers urged customers to photograph any damage.",
            "The football match on Saturday has been postponed.",
            "Shops in the town centre opened late because of fallen trees.",
            "Ferries to the islands stayed in port all day.",
            "Volunteers handed out blankets at the community hall.",
        ];
        var (index, article) = Single(sentences);

        var summary = new Summarizer().Summarize(index, article, SummaryLength.Long);

        Assert.Equal(8, summary.Sentences.Count);
        Assert.Equal(summary.Sentences.OrderBy(s => Array.IndexOf(sentences, s)), summary.Sentences);
        Assert.Contains(summary.Sentences, s => Array.IndexOf(sentences, s) >= 4);
    }

    [Fact]
    public void Summarize_BriefWithTwoLongSentences_KeepsOne()
    {
        string[] sentences =
        [
            "The regional water authority announced a hosepipe ban for the whole county on Monday, the first since the "
                + "dry summer of 1995, after reservoir levels fell to a third of their usual volume.",
            "Engineers working for the national grid warned that power cuts could follow next week if the heatwave "
                + "continues, because cooling towers at two river plants are running short of water.",
            "Gardeners have been asked to use watering cans.",
            "The ban will be reviewed in a month.",
        ];
        var (index, article) = Single(sentences);

        var brief = new Summarizer().Summarize(index, article, SummaryLength.Brief);
        var shortSummary = new Summarizer().Summarize(index, article, SummaryLength.Short);

        Assert.Equal([sentences[0]], brief.Sentences);
        Assert.Equal(3, shortSummary.Sentences.Count);
    }

    [Fact]
    public void Summarize_ShorterThanAsked_IsTheWholeArticle()
    {
        var (index, article) = Single(["One sentence about the match.", "Another about the weather."]);

        var summary = new Summarizer().Summarize(index, article, SummaryLength.Short);

        Assert.True(summary.IsWholeArticle);
        Assert.Equal(2, summary.Sentences.Count);
    }

    // A wire-style lead of over 25 content words: the story in one long sentence, then details.
    private static readonly string[] LongLead =
    [
        "In one of the clearest signs of how much the regional government wanted a deal at the failed harbour summit in February, officials have learned that the governor gave specific orders to port authorities not to start any unplanned dredging in the weeks before the meeting, according to two senior officials.",
        "The officials said the governor was worried that dredging would raise tensions before the summit.",
        "He ordered the dredgers to stay in port.",
        "The summit ended without a deal on the harbour.",
        "Talks are expected to resume in the autumn.",
    ];

    [Fact]
    public void Summarize_Brief_KeepsALongLead()
    {
        var (index, article) = Single(LongLead);

        // A strong long-sentence penalty makes the difference visible: it applies to the three-sentence summary, but
        // a digest line is the lead however long.
        var summarizer = new Summarizer(new SummaryOptions { LongFactor = 0.1 });
        var brief = summarizer.Summarize(index, article, SummaryLength.Brief);
        var shortSummary = summarizer.Summarize(index, article, SummaryLength.Short);

        Assert.Equal(LongLead[0], brief.Sentences[0]);
        Assert.DoesNotContain(LongLead[0], shortSummary.Sentences);
    }

    private static (SearchIndex Index, Article Article) Single(string[] sentences)
    {
        var article = new ArticleBuilder().WithTitle(sentences[0]).WithBody(string.Join(' ', sentences)).Build();
        return (SearchIndex.Build([article]), article);
    }
}
