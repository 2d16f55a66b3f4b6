using BriefingBot.Core.Articles;
using BriefingBot.Core.Digest;
using BriefingBot.Core.Retrieval.Indexing;
using BriefingBot.Core.Store;
using BriefingBot.Core.Summaries;
using BriefingBot.Testing;
using BriefingBot.Testing.Semantics;

namespace BriefingBot.Core.Tests.Digest;

/// <summary>
/// Which articles the digest shows as one story: two reports of one event in different words, two stories on one
/// topic, and a copy, with meaning (keyword directions standing in for the model) and without.
/// </summary>
public sealed class StoryGrouperTests
{
    private static readonly Article DamBursts = Article(
        "dam-bursts",
        "Dam bursts above Millford",
        "The Millford dam burst on Tuesday night and flooded the valley below.",
        "Rescue crews evacuated 300 people from their homes.");

    private static readonly Article ReservoirGivesWay = Article(
        "reservoir-gives-way",
        "Millford dam wall collapses, flooding villages",
        "The wall of the Millford reservoir collapsed on Tuesday night, sending water through three villages.",
        "Emergency services moved 300 people to safety.");

    // The same dam, months earlier: one topic, another story.
    private static readonly Article DamRepairs = Article(
        "dam-repairs",
        "Inspectors order repairs to Millford dam",
        "Inspectors ordered repairs to the Millford dam in March after finding cracks in its wall.",
        "The council said the work would cost two million pounds.");

    private static readonly Article DamBurstsCopy = Article(
        "dam-bursts-copy",
        DamBursts.Title,
        "The Millford dam burst on Tuesday night and flooded the valley below.",
        "Rescue crews evacuated 300 people from their homes.");

    // Unrelated stories so that document frequencies look like a collection's, not three articles'.
    private static readonly Article[] Others =
    [
        Article("orchard", "Late frost ruins apple orchards", "A late frost destroyed most of the apple blossom last week.", "Farmers expect the harvest to fall by half."),
        Article("bridge", "New harbour bridge opens", "The new harbour bridge opened to traffic on Friday.", "It carries six lanes of traffic."),
        Article("election", "Mayor wins second term", "Mayor Ellen Park won a second term on Sunday.", "Turnout was the highest in a decade."),
        Article("school", "School roof repaired after storm", "The roof of the primary school was repaired over the weekend.", "Lessons resume on Monday."),
    ];

    private static readonly SearchIndex Index = SearchIndex.Build([DamBursts, ReservoirGivesWay, DamRepairs, DamBurstsCopy, .. Others]);

    private static KeywordEmbedder Embedder() => new(new Dictionary<string, string[]>
    {
        ["dam failure"] = ["dam", "reservoir", "burst", "collaps"],
        ["flooding"] = ["flood", "water"],
        ["evacuation"] = ["evacuat", "rescue", "safety", "emergency"],
        ["inspection"] = ["inspect", "repair", "crack"],
        ["spending"] = ["budget", "council", "cost", "pounds"],
    });

    [Fact]
    public void Group_WithMeaning_GroupsTwoReportsOfOneEventInOtherWords()
    {
        var groups = StoryGrouper.Group(Index, [DamBursts, ReservoirGivesWay, DamRepairs], new InMemorySentenceEmbeddings(Embedder()));

        Assert.Equal(2, groups.Count);
        Assert.Equal([DamBursts, ReservoirGivesWay], groups[0]);
        Assert.Equal([DamRepairs], groups[1]);
    }

    [Fact]
    public void Group_WithoutMeaning_KeepsTodaysWordsOnlyGrouping()
    {
        var articles = new[] { DamBursts, ReservoirGivesWay, DamRepairs, DamBurstsCopy };

        var none = StoryGrouper.Group(Index, articles);
        var unavailable = StoryGrouper.Group(Index, articles, InMemorySentenceEmbeddings.Unavailable);

        // Words alone do not see that a reservoir wall collapsing is a dam bursting, but they do see a copy.
        Assert.Equal(3, none.Count);
        Assert.Equal([DamBursts, DamBurstsCopy], none[0]);
        Assert.Equal(none, unavailable);
    }

    [Fact]
    public void Group_WithMeaning_StillGroupsACopy()
    {
        var groups = StoryGrouper.Group(Index, [DamBursts, DamRepairs, DamBurstsCopy], new InMemorySentenceEmbeddings(Embedder()));

        Assert.Equal([DamBursts, DamBurstsCopy], groups[0]);
    }

    [Fact]
    public void Group_ColdVectorsAndNoBudget_FallsBackToWords()
    {
        var cold = new InMemorySentenceEmbeddings(Embedder(), warm: false);

        var groups = StoryGrouper.Group(Index, [DamBursts, ReservoirGivesWay, DamRepairs], cold, onDemandBudget: 0);

        Assert.Equal(3, groups.Count);
    }

    [Fact]
    public void Group_ColdVectors_EmbedsTheLeadsOnDemand()
    {
        var embedder = Embedder();
        var cold = new InMemorySentenceEmbeddings(embedder, warm: false);

        var groups = StoryGrouper.Group(Index, [DamBursts, ReservoirGivesWay, DamRepairs], cold, onDemandBudget: 6);

        Assert.Equal(2, groups.Count);
        Assert.Equal(6, embedder.Embedded); // two sentences each (embedded after their titles), nothing else
    }

    [Fact]
    public void Build_DigestWithMeaning_ShowsTheEventOnceWithTheOtherReportRelated()
    {
        var snapshot = new ArticleSnapshot(Index, [], DateTimeOffset.UnixEpoch, 1);
        var builder = new DigestBuilder(new Summarizer(), new InMemorySentenceEmbeddings(Embedder()));

        var edition = builder.Build(snapshot, new DigestQuery { MaxItems = 10 }, DateTimeOffset.UnixEpoch);

        var dam = Assert.Single(edition.Items, i => i.ArticleId is "dam-bursts" or "reservoir-gives-way" or "dam-bursts-copy");
        Assert.Equal(2, dam.RelatedArticleIds.Count);
        Assert.Contains(edition.Items, i => i.ArticleId == "dam-repairs");
    }

    private static Article Article(string id, string title, params string[] paragraphs) =>
        new ArticleBuilder().WithId(id).WithTitle(title).WithBody(paragraphs).Build();

    [Fact]
    public void Similarities_OfTheTestStories_StraddleTheThresholds()
    {
        // Guards the fixtures: if the words alone grouped the two reports, the meaning tests above would prove nothing.
        Assert.True(StoryGrouper.Similarity(Index, DamBursts, ReservoirGivesWay) < StoryGrouper.SameStoryThreshold);
        Assert.True(StoryGrouper.Similarity(Index, DamBursts, DamRepairs) < StoryGrouper.SameStoryThreshold);
    }
}
